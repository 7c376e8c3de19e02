package com.qteria.document.job;

import com.qteria.document.DocumentEvent.DocumentUploaded;
import com.qteria.document.DocumentStatus;
import com.qteria.document.persistence.Documents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts uploaded documents on the job queue once their row has committed. The job's id is the document's id, so a
 * document is never queued twice; a sweep re-queues documents whose job was never created (the instance stopped
 * between commit and enqueue).
 */
@Component
class ReadingQueue {

    private static final Logger log = LoggerFactory.getLogger(ReadingQueue.class);
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final JobScheduler jobs;
    private final StorageProvider jobStorage;
    private final Documents documents;
    private final Clock clock;

    ReadingQueue(JobScheduler jobs, StorageProvider jobStorage, Documents documents, Clock clock) {
        this.jobs = jobs;
        this.jobStorage = jobStorage;
        this.documents = documents;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DocumentUploaded uploaded) {
        enqueue(uploaded.documentId());
    }

    @Scheduled(fixedDelayString = "${qteria.extraction.sweep-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        for (UUID id : documents.processing(clock.instant().minus(GRACE))) {
            StateName state = jobState(id);
            if (state == null) {
                log.warn("Document {} was waiting without a job; queueing it again", id);
                enqueue(id);
            } else if (state == StateName.FAILED || state == StateName.DELETED) {
                log.error("The job reading document {} ended {}; the document is rejected", id, state);
                documents.finish(id, DocumentStatus.REJECTED, null, DocumentReader.INTERNAL_FAILURE, List.of(),
                        clock.instant());
            }
        }
    }

    private void enqueue(UUID id) {
        jobs.<DocumentReader>enqueue(id, reader -> reader.read(id));
    }

    private StateName jobState(UUID id) {
        try {
            return jobStorage.getJobById(id).getState();
        } catch (JobNotFoundException e) {
            return null;
        }
    }
}
