package com.qteria.document.job;

import com.qteria.document.DocumentEvent.DocumentUploaded;
import com.qteria.document.persistence.Documents;
import com.qteria.platform.jobs.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Puts uploaded documents on the job queue once their row has committed, through the event publication registry (a
 * crash between the commit and the enqueue loses nothing). The job's id is the document's id, so a document is never
 * queued twice. A sweep rejects documents whose job ended without reading them (failed beyond its retries, or deleted).
 */
@Component
class ReadingQueue {

    private static final Logger log = LoggerFactory.getLogger(ReadingQueue.class);
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final JobQueue jobs;
    private final StorageProvider jobStorage;
    private final Documents documents;
    private final DocumentReader reader;
    private final Clock clock;

    ReadingQueue(JobQueue jobs, StorageProvider jobStorage, Documents documents, DocumentReader reader, Clock clock) {
        this.reader = reader;
        this.jobs = jobs;
        this.jobStorage = jobStorage;
        this.documents = documents;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentUploaded uploaded) {
        enqueue(uploaded.documentId().value());
    }

    @Scheduled(fixedDelayString = "${qteria.extraction.sweep-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        for (UUID id : documents.processing(clock.instant().minus(GRACE))) {
            StateName state = jobState(id);
            if (state == StateName.FAILED || state == StateName.DELETED) {
                log.error("The job reading document {} ended {}; the document is rejected", id, state);
                reader.rejectUnread(id);
            }
        }
    }

    private void enqueue(UUID id) {
        jobs.<DocumentReader>enqueue(id, job -> job.read(id));
    }

    private StateName jobState(UUID id) {
        try {
            return jobStorage.getJobById(id).getState();
        } catch (JobNotFoundException e) {
            return null;
        }
    }
}
