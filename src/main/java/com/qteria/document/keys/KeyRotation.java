package com.qteria.document.keys;

import com.qteria.document.Document;
import com.qteria.document.DocumentId;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.EncryptedStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-wraps every document's data key under the newest master key. Only the small wrapped keys change; the stored
 * objects are not touched, so 10,000 documents take seconds (docs/BENCHMARKS.md "Key rotation").
 * <p>
 * Decisions:
 * <ul>
 * <li><b>No long transaction.</b> Each batch (1,000 documents) is one short transaction of conditional updates
 * (a row changes only while it is still under the key it was read with), so a rotation killed at any point leaves
 * every document under its old key or the new one, both configured, both readable; running it again continues with
 * the rest and re-wraps none twice (rows under the newest key are not even read). One commit per batch rather than
 * per document: the commit's log flush was most of the time (188 documents/s with a commit each).</li>
 * <li><b>Safe while the service runs.</b> Rows are walked in id order in batches; a document uploaded meanwhile by an
 * instance that does not know the new key yet (its id may sort before the cursor) is caught by another pass from the
 * start, repeated until a pass finds nothing new (at most {@value #PASSES} passes; what remains is reported).</li>
 * <li><b>Failures do not stop it.</b> A document whose key cannot be unwrapped (its master key is not configured) is
 * logged, counted and skipped for the rest of the run.</li>
 * <li><b>One thread.</b> Unwrapping and wrapping 32 bytes costs microseconds; the update dominates, and measured
 * throughput (thousands of documents per second) makes parallelism not worth its complexity.</li>
 * </ul>
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 1000;
    private static final int PASSES = 5;
    private static final int MAX_LISTED_FAILURES = 100;
    private static final UUID FIRST = new UUID(0, 0);

    private final Documents documents;
    private final EncryptedStorage storage;

    KeyRotation(Documents documents, EncryptedStorage storage) {
        this.documents = documents;
        this.storage = storage;
    }


    /**
     * How a rotation ends.
     *
     * @param rewrapped documents re-wrapped by this run
     * @param failed    documents that could not be re-wrapped (first ones in {@code failures})
     * @param remaining documents still under an older key at the end, failures included
     * @param byKey     documents per master key id at the end
     */
    public record Outcome(String keyId, int rewrapped, int failed, long remaining, Duration took,
            Map<String, Long> byKey, List<DocumentId> failures) {

        public Outcome {
            byKey = Map.copyOf(byKey);
            failures = List.copyOf(failures);
        }
    }

    /** Where a rotation stands: documents handled (re-wrapped or failed) of those under older keys at the start. */
    public record Progress(long done, long total, int failed, Duration elapsed) {

        public double perSecond() {
            return elapsed.isZero() ? 0 : done * 1000.0 / elapsed.toMillis();
        }

        public Duration eta() {
            double rate = perSecond();
            return rate == 0 ? Duration.ZERO : Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done) / rate));
        }

        @Override
        public String toString() {
            return "%d/%d documents (%d failed), %.0f/s, %ds elapsed, ETA %ds".formatted(done, total, failed,
                    perSecond(), elapsed.toSeconds(), eta().toSeconds());
        }
    }

    public Outcome rotate() {
        return rotate(BATCH, progress -> {
        });
    }

    /**
     * Rotates in batches of {@code batchSize} documents, each committed on its own, handing {@code report} the
     * progress after each batch (logged too) and at the end. An exception from {@code report} stops the run where it
     * is, as a crash would.
     */
    public Outcome rotate(int batchSize, Consumer<Progress> report) {
        String active = storage.activeKeyId();
        Run run = new Run(active, underOlderKeys(documents.countByKeyId(), active), report);
        log.info("Re-wrapping the data keys of {} documents under master key '{}'", run.total, active);
        boolean more = true;
        for (int pass = 0; more && pass < PASSES; pass++) {
            more = run.pass(batchSize);
        }
        Map<String, Long> byKey = documents.countByKeyId();
        long remaining = underOlderKeys(byKey, active);
        if (remaining > 0) {
            log.warn("{} documents are still under older master keys ({}); do not remove those keys yet", remaining,
                    byKey);
        }
        return new Outcome(active, run.rewrapped, run.failed.size(), remaining, run.elapsed(), byKey, run.failures);
    }

    /** One rotation's state: a cursor over the rows under older keys, what was done, what failed. */
    private final class Run {

        private final String active;
        private final Consumer<Progress> report;
        private final long started = System.nanoTime();
        private final Set<UUID> failed = new HashSet<>();
        private final List<DocumentId> failures = new ArrayList<>();
        private long total;
        private long done;
        private int rewrapped;

        Run(String active, long total, Consumer<Progress> report) {
            this.active = active;
            this.total = total;
            this.report = report;
        }

        /** One pass over the table from the start; false when it found nothing left to do. */
        boolean pass(int batchSize) {
            long before = done;
            UUID after = FIRST;
            List<Document> batch;
            do {
                batch = documents.wrappedByOtherThan(active, after, batchSize);
                if (!batch.isEmpty()) {
                    after = batch.getLast().id().value();
                    batch(batch);
                }
            } while (batch.size() == batchSize);
            return done > before;
        }

        /** Re-wraps a batch in memory, then stores it in one short transaction and reports. */
        private void batch(List<Document> batch) {
            long before = done;
            List<Document> rewrappedBatch = new ArrayList<>(batch.size());
            List<String> previousKeyIds = new ArrayList<>(batch.size());
            for (Document document : batch) {
                UUID id = document.id().value();
                if (failed.contains(id)) {
                    continue;
                }
                String previousKeyId = document.stored().dataKey().keyId();
                if (rewrap(document)) {
                    rewrappedBatch.add(document);
                    previousKeyIds.add(previousKeyId);
                } else if (failed.add(id) && failures.size() < MAX_LISTED_FAILURES) {
                    failures.add(document.id());
                }
                done++;
            }
            // Rows not updated: another rotation re-wrapped them meanwhile, or they were deleted; nothing to do.
            rewrapped += documents.rewrap(rewrappedBatch, previousKeyIds);
            if (done > before) {
                total = Math.max(total, done);
                Progress progress = new Progress(done, total, failed.size(), elapsed());
                log.info("Key rotation: {}", progress);
                report.accept(progress);
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** Re-wraps the document's data key in memory; false (logged) when its master key cannot unwrap it. */
    private boolean rewrap(Document document) {
        try {
            document.rewrap(storage.rewrap(document.stored()).dataKey());
            return true;
        } catch (RuntimeException e) {
            log.error("Could not re-wrap the data key of document {} (wrapped by key '{}'): {}", document.id(),
                    document.stored().dataKey().keyId(), e.getMessage());
            return false;
        }
    }

    private static long underOlderKeys(Map<String, Long> byKey, String active) {
        return byKey.entrySet().stream().filter(entry -> !entry.getKey().equals(active))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
