package com.qteria.platform.jobs;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.IocJobLambda;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts jobs on JobRunr's queue and has this instance start them at once when it can.
 * <p>
 * Decision: JobRunr's servers look for new work every poll interval, five seconds at the least on a database, so a job
 * would wait up to that long before any worker starts it (twice from upload to results: reading, then assessing).
 * After the enqueue this instance's job server is told that a worker became free — the path JobRunr itself takes when
 * one of its workers finishes — so it fetches and starts the job at once if it has a free worker. Nothing else
 * changes: the job is durable and claimed through JobRunr's storage as any other, so when this instance has no free
 * worker, runs no job server (the {@code web} role) or dies, another worker picks the job up at its next poll, and
 * JobRunr's recovery of jobs whose server died applies. An id given twice queues the job once.
 */
@Component
public class JobQueue {

    private final JobScheduler scheduler;
    private final ObjectProvider<BackgroundJobServer> server;

    JobQueue(JobScheduler scheduler, ObjectProvider<BackgroundJobServer> server) {
        this.scheduler = scheduler;
        this.server = server;
    }

    /** Queues the job under {@code id} (once per id) and starts it here at once when a worker is free. */
    public <S> void enqueue(UUID id, IocJobLambda<S> job) {
        scheduler.enqueue(id, job);
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            JobSteward steward = local.getJobSteward();
            steward.notifyThreadOccupied();
            steward.notifyThreadIdle();
        }
    }
}
