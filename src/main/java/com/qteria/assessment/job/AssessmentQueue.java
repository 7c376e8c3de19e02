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
 * The reaper ends what would otherwise stay {@code running} forever: an assessment whose worker has been silent for
 * longer than the job server needs to notice a dead worker and hand the job on, and one whose documents were still not
 * read after the configured wait. One still waiting whose documents are all read (a launch that never happened) is
 * launched.
 */
@Component
class AssessmentQueue {

    private static final Logger log = LoggerFactory.getLogger(AssessmentQueue.class);

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
        for (AssessmentId id : assessments.abandoned(now.minus(settings.abandonedAfter()))) {
            StateName state = jobState(id.value());
            if (state == StateName.ENQUEUED || state == StateName.PROCESSING || state == StateName.SCHEDULED) {
                continue; // the job server will run or re-run it; the job resumes from the stored findings
            }
            Assessment assessment = assessments.findForJob(id).orElse(null);
            if (assessment == null) {
                continue;
            }
            if (state == null && assessment.phase() == AssessmentPhase.EXTRACTING) {
                waiting(assessment, now);
                continue;
            }
            log.warn("Assessment {} was abandoned by its worker (job {}); marking it failed", id, state);
            job.fail(id, "The worker running this assessment stopped and it could not be resumed. "
                    + "Start the assessment again.");
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
