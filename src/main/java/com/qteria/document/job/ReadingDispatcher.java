package com.qteria.document.job;

import com.qteria.document.persistence.ReadingSlots;
import com.qteria.platform.jobs.JobQueue;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shares the workers fairly between organizations: a document's reading job is queued only while its organization
 * holds fewer than {@code qteria.extraction.per-organization} {@linkplain ReadingSlots reading slots}, so one
 * organization's uploads (a burst, or files built to take the whole time limit) can never occupy every worker.
 * <p>
 * Decision: the turns come from the queue itself. Each organization has at most its limit of jobs queued or running;
 * when one ends, its next document is queued behind every other organization's waiting job, and JobRunr starts
 * queued jobs oldest first — round robin between the organizations with documents waiting, without a scheduler of
 * our own. A pass runs after each upload, at the end of each reading job and on {@link ReadingQueue}'s tick; passes
 * of one instance take turns, and instances racing for a slot are settled by the database (one insert wins).
 */
@Component
class ReadingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReadingDispatcher.class);
    /** Documents looked at per pass at most; more are dispatched by the next pass. */
    private static final int BATCH = 100;

    private final ReadingSlots slots;
    private final JobQueue jobs;
    private final Clock clock;
    private final int perOrganization;
    private final ReentrantLock passes = new ReentrantLock();

    ReadingDispatcher(ReadingSlots slots, JobQueue jobs, Clock clock, ExtractionProperties settings) {
        this.slots = slots;
        this.jobs = jobs;
        this.clock = clock;
        this.perOrganization = settings.perOrganization();
    }

    /** Queues the reading of waiting documents whose organization has a free slot; returns how many were queued. */
    int dispatch() {
        passes.lock();
        try {
            Map<UUID, Set<Integer>> taken = slots.taken();
            int queued = 0;
            for (ReadingSlots.Waiting next : slots.waiting(perOrganization, BATCH)) {
                Set<Integer> held = taken.computeIfAbsent(next.organization(), organization -> new HashSet<>());
                var free = IntStream.rangeClosed(1, perOrganization).filter(slot -> !held.contains(slot)).findFirst();
                if (free.isEmpty()) {
                    continue;
                }
                held.add(free.getAsInt());
                if (slots.take(next.organization(), free.getAsInt(), next.document(), clock.instant())) {
                    enqueue(next.document());
                    queued++;
                } else {
                    log.debug("Slot {} of organization {} was taken by another instance", free.getAsInt(),
                            next.organization());
                }
            }
            return queued;
        } finally {
            passes.unlock();
        }
    }

    /** The document's reading job has ended: its slot goes to the next waiting document. */
    void release(UUID documentId) {
        slots.release(documentId);
        dispatch();
    }

    /** Queues the job reading the document (once per document: the job's id is the document's). */
    void enqueue(UUID documentId) {
        jobs.<DocumentReader>enqueue(documentId, job -> job.read(documentId));
    }
}
