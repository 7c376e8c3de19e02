package com.qteria.assessment.job;

import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.persistence.AssessmentRow;
import com.qteria.assessment.persistence.Assessments;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues an assessment's job once its row has committed (the job's id is the assessment's id, so it is never queued
 * twice), and reaps: a running assessment whose worker has been silent for longer than the job server needs to
 * notice a dead worker and hand the job to another is ended {@code failed}, so nothing stays {@code running} forever.
 */
@Component
class AssessmentQueue {

    private static final Logger log = LoggerFactory.getLogger(AssessmentQueue.class);

    private final JobScheduler jobs;
    private final StorageProvider jobStorage;
    private final Assessments assessments;
    private final AssessmentJob job;
    private final Clock clock;
    private final Duration abandonedAfter;

    AssessmentQueue(JobScheduler jobs, StorageProvider jobStorage, Assessments assessments, AssessmentJob job,
            Clock clock, @Value("${qteria.assessment.abandoned-after:10m}") Duration abandonedAfter) {
        this.jobs = jobs;
        this.jobStorage = jobStorage;
        this.assessments = assessments;
        this.job = job;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AssessmentStarted started) {
        UUID id = started.assessmentId();
        jobs.<AssessmentJob>enqueue(id, assessment -> assessment.run(id));
    }

    @Scheduled(fixedDelayString = "${qteria.assessment.reaper-interval:PT1M}", initialDelayString = "PT45S")
    void reap() {
        for (UUID id : assessments.abandoned(clock.instant().minus(abandonedAfter))) {
            StateName state = jobState(id);
            if (state == StateName.ENQUEUED || state == StateName.PROCESSING || state == StateName.SCHEDULED) {
                continue; // the job server will run or re-run it; the job resumes from the stored findings
            }
            AssessmentRow row = assessments.findForJob(id).orElse(null);
            if (row != null) {
                log.warn("Assessment {} was abandoned by its worker (job {}); marking it failed", id, state);
                job.fail(row, "The worker running this assessment stopped and it could not be resumed. "
                        + "Start the assessment again.");
            }
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
