package com.qteria.document.job;

import com.qteria.document.DocumentEvent.DocumentUploaded;
import com.qteria.document.persistence.ReadingSlots;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
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
 * Starts reading uploaded documents once their row has committed, through the event publication registry, as far as
 * the {@link ReadingDispatcher fair share} of their organization allows; a short tick dispatches what a crash, a lost
 * event or another instance left waiting. A sweep looks after documents holding a slot: one whose job is missing
 * (a crash between taking the slot and queueing the job) is queued again; one whose job ended without reading it
 * (failed beyond its retries, or deleted) is rejected, and the slot is freed.
 */
@Component
class ReadingQueue {

    private static final Logger log = LoggerFactory.getLogger(ReadingQueue.class);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Set<StateName> ENDED = Set.of(StateName.SUCCEEDED, StateName.FAILED, StateName.DELETED);

    private final ReadingDispatcher dispatcher;
    private final ReadingSlots slots;
    private final StorageProvider jobStorage;
    private final DocumentReader reader;
    private final Clock clock;

    ReadingQueue(ReadingDispatcher dispatcher, ReadingSlots slots, StorageProvider jobStorage, DocumentReader reader,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.slots = slots;
        this.jobStorage = jobStorage;
        this.reader = reader;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DocumentUploaded uploaded) {
        dispatcher.dispatch();
    }

    @Scheduled(fixedDelayString = "${qteria.extraction.dispatch-interval:PT5S}", initialDelayString = "PT5S")
    void tick() {
        dispatcher.dispatch();
    }

    @Scheduled(fixedDelayString = "${qteria.extraction.sweep-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        for (UUID id : slots.takenBefore(clock.instant().minus(GRACE))) {
            StateName state = jobState(id);
            if (state == null) {
                log.warn("Document {} holds a reading slot but has no reading job; the job is queued again", id);
                dispatcher.enqueue(id);
            } else if (ENDED.contains(state)) {
                if (reader.rejectUnread(id)) {
                    log.error("The job reading document {} ended {}; the document is rejected", id, state);
                }
                dispatcher.release(id);
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
