package com.qteria.document.extraction;

import java.time.Duration;
import java.util.Locale;

/**
 * The moment one extraction must stop. Checked between pages, every few hundred content-stream operators and glyphs,
 * and used as the timeout of OCR processes, so that no single file can hold a worker longer than its limit.
 */
public final class Deadline {

    private final Duration limit;
    private final long end;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** @throws ExtractionTimedOut when the deadline has passed */
    public void check() {
        if (passed()) {
            throw new ExtractionTimedOut();
        }
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    /** The rejection reason, e.g. "Reading the document took longer than 120 seconds and was stopped. Split it …" */
    String reason() {
        return "Reading the document took longer than " + seconds() + " and was stopped." + DocumentExtractor.SPLIT;
    }

    private String seconds() {
        long millis = limit.toMillis();
        if (millis % 1000 == 0) {
            long s = millis / 1000;
            return String.format(Locale.ROOT, "%,d second%s", s, s == 1 ? "" : "s");
        }
        return String.format(Locale.ROOT, "%.3f seconds", millis / 1000.0);
    }
}
