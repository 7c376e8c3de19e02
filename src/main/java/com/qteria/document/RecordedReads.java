package com.qteria.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which reads of a document's bytes get a {@code document.downloaded} entry. The rule: every response that carries
 * bytes is covered by an entry for the same user and document written no longer than {@link #WINDOW} before it.
 * <ul>
 *   <li>A response that includes the file's first byte — no Range header, or any range starting at byte 0 such as
 *       {@code bytes=0-}, {@code bytes=00-} or a suffix range longer than the file — is always recorded: it is a
 *       download or a viewer opening the file.</li>
 *   <li>A response with later ranges only (a viewer reading on in a file it opened) is recorded unless an entry for
 *       the same user and document was written within the window; so a viewer's many range reads make one entry,
 *       and one more per window while it keeps reading.</li>
 *   <li>An unsatisfiable Range sends nothing and is not recorded.</li>
 * </ul>
 * The window is remembered in this instance (bounded, expiring): behind several instances, or after a restart or an
 * eviction, a reader may get more entries, never fewer.
 */
@Component
class RecordedReads {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Cache<Reader, Window> recorded;

    RecordedReads(Clock clock) {
        this.clock = clock;
        this.recorded = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(WINDOW)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** Whether this read is to be recorded; if so, it opens a new window for the reader. */
    boolean record(CurrentUser user, DocumentId id, DocumentBytes.Served served) {
        Window opened = new Window(clock.instant());
        Window kept = recorded.asMap().compute(new Reader(user.tenantId(), user.id(), id),
                (reader, last) -> served.includesFirstByte() || last == null || last.endedBy(opened.since())
                        ? opened : last);
        return kept == opened; // identity: this call's window was stored, not one opened earlier
    }

    private record Window(Instant since) {
        boolean endedBy(Instant now) {
            return !now.isBefore(since.plus(WINDOW));
        }
    }

    private record Reader(TenantId tenant, UUID user, DocumentId document) {
    }
}
