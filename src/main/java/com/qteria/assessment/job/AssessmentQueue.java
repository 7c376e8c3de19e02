package com.qteria.assessment.job;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentPhase;
import com.qteria.assessment.AssessmentProperties;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.document.DocumentRead;
import com.qteria.platform.jobs.JobQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Launches assessments: once started, and again each time one of their documents has been read. The job is queued
 * only when every document has been read (the job's id is the assessment's id, so it is never queued twice); until
 * then the assessment is running in its {@code extracting} phase and no worker is held. Both events come through the
 * event publication registry, so a crash between a commit and the launch loses nothing.
 * <p>
 * The reaper (every minute) ends what would otherwise stay {@code running} forever: an assessment whose job the job
 * server gave up on (failed after its retries, deleted, or gone), one with a cancel asked for whose worker has been
 * silent for longer than {@link AssessmentProperties#abandonedAfter}, and one whose documents were still not read after
 * the configured wait; it ends {@code cancelled} when a cancel was asked for, else {@code failed}, and its documents
 * are released. One still waiting whose documents are all read (a launch that never happened) is launched. A job the
 * job server will still run or re-run (its worker died) is left to it: the job resumes from the stored findings.
 */
@Component
class AssessmentQueue {

    private static final Logger log = LoggerFactory.getLogger(AssessmentQueue.class);
    /** Job states in which the job server will still run (or re-run) the job; it resumes from the stored findings. */
    private static final Set<StateName> LIVE = EnumSet.of(StateName.AWAITING, StateName.SCHEDULED,
            StateName.ENQUEUED, StateName.PROCESSING);

    private final JobQueue jobs;
    private final StorageProvider jobStorage;
    private final Assessments assessments;
    private final AssessmentInputs inputs;
    private final AssessmentJob job;
    private final Clock clock;
    private final AssessmentProperties settings;

    AssessmentQueue(JobQueue jobs, StorageProvider jobStorage, Assessments assessments, AssessmentInputs inputs,
            AssessmentJob job, Clock clock, AssessmentProperties settings) {
        this.jobs = jobs;
        this.jobStorage = jobStorage;
        this.assessments = assessments;
        this.inputs = inputs;
        this.job = job;
        this.clock = clock;
        this.settings = settings;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AssessmentStarted started) {
        launch(started.assessmentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentRead read) {
        assessments.unfinishedWith(read.documentId()).forEach(this::launch);
    }

    /** Queues the job once every document has been read; until then the assessment shows that it reads them. */
    void launch(AssessmentId id) {
        Assessment assessment = assessments.findForJob(id).orElse(null);
        if (assessment == null || assessment.status().finished() || assessment.cancelRequested()) {
            return;
        }
        if (inputs.stillReading(assessment)) {
            if (assessment.status() == AssessmentStatus.QUEUED) {
                assessment.start(assessment.total(), clock.instant());
                assessments.start(assessment);
            }
            return;
        }
        UUID value = id.value();
        jobs.<AssessmentJob>enqueue(value, assessmentJob -> assessmentJob.run(value));
    }

    @Scheduled(fixedDelayString = "${qteria.assessment.reaper-interval:PT1M}", initialDelayString = "PT45S")
    void reap() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(settings.abandonedAfter());
        for (Assessment assessment : assessments.running()) {
            try {
                reap(assessment, now, silentSince);
            } catch (RuntimeException e) {
                log.error("Assessment {} could not be looked at; the next run tries again", assessment.id(), e);
            }
        }
    }

    private void reap(Assessment assessment, Instant now, Instant silentSince) {
        boolean silent = assessment.heartbeatAt() == null || assessment.heartbeatAt().isBefore(silentSince);
        StateName state = jobState(assessment.id().value());
        if (state == null && assessment.phase() == AssessmentPhase.EXTRACTING) {
            if (silent) {
                waiting(assessment, now);
            }
        } else if (!LIVE.contains(state) || silent && assessment.cancelRequested()) {
            log.warn("Assessment {} has no live job (job {}, silent: {}); ending it", assessment.id(), state, silent);
            job.abandon(assessment.id(), AssessmentJob.WORKER_STOPPED);
        }
    }

    /** An assessment waiting for its documents: launched when they have been read, failed when they take too long. */
    private void waiting(Assessment assessment, Instant now) {
        if (!inputs.stillReading(assessment)) {
            log.warn("Assessment {} waited for documents that have been read; launching it", assessment.id());
            launch(assessment.id());
        } else if (assessment.heartbeatAt() == null
                || assessment.heartbeatAt().isBefore(now.minus(settings.readingWait()))) {
            job.fail(assessment.id(), "Some documents were still being read after "
                    + settings.readingWait().toMinutes() + " minutes; start the assessment again once they are ready.");
        }
    }

    private StateName jobState(UUID id) {
        try {
            return jobStorage.getJobById(id).getState();
        } catch (JobNotFoundException e) {
            return null;
        }
    }
}
