package com.qteria.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.SucceededState;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets this instance's jobs stop early when it shuts down (SIGTERM) and hands them back to the job queue instead of
 * failing them, so another worker resumes them from what they stored.
 * <p>
 * Why: JobRunr stops its job server only when the application's beans are destroyed, after the web server's drain;
 * it then waits ten seconds for running jobs and interrupts their threads. A job that fails then (an interrupted
 * call) is marked failed and retried, using up one of its retries, and one that swallows the interrupt is marked
 * succeeded although its work is not done. Here, at the very start of the shutdown, {@link #underway()} turns true and
 * this instance's job server stops taking jobs ({@code pauseProcessing}: it waits for the running ones, interrupting
 * them after JobRunr's wait). A job that sees {@link #underway()} at a safe point (or an error caused by the
 * shutdown) calls {@link #handBack} and returns; its run then does not end succeeded but is scheduled again a few
 * seconds later, with no failure recorded, so its retries are untouched and any other worker picks it up.
 */
@Component
public class WorkerShutdown implements ElectStateFilter, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WorkerShutdown.class);
    /** Long enough for the stopping instance's job server to have stopped taking jobs. */
    static final Duration RESUME_AFTER = Duration.ofSeconds(5);
    static final String HANDED_BACK = "Handed back: its worker was shutting down";

    private final ApplicationContext context;
    private final ObjectProvider<BackgroundJobServer> server;
    private final Set<UUID> handedBack = ConcurrentHashMap.newKeySet();
    private volatile boolean underway;

    public WorkerShutdown(ApplicationContext context, ObjectProvider<BackgroundJobServer> server) {
        this.context = context;
        this.server = server;
    }

    @Override
    public void afterSingletonsInstantiated() {
        server.ifAvailable(jobServer -> jobServer.setJobFilters(List.of(this)));
    }

    /** True once this instance has begun to shut down: a job should stop at its next safe point and hand back. */
    public boolean underway() {
        return underway;
    }

    /**
     * Called by a job that stops because of the shutdown, before it returns normally: its run is scheduled again
     * instead of ending, without counting as a failure.
     */
    public void handBack(UUID jobId) {
        handedBack.add(jobId);
        log.info("Job {} stopped because this instance is shutting down; another worker resumes it", jobId);
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ContextClosedEvent closed) {
        if (closed.getApplicationContext() != context) {
            return;
        }
        underway = true;
        server.ifAvailable(jobServer -> {
            if (jobServer.isRunning()) {
                jobServer.pauseProcessing();
            }
        });
    }

    @Override
    public void onStateElection(Job job, JobState newState) {
        if (newState instanceof SucceededState && handedBack.remove(job.getId())) {
            job.scheduleAt(Instant.now().plus(RESUME_AFTER), HANDED_BACK);
        }
    }
}
