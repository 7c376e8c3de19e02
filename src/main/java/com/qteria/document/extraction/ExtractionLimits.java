package com.qteria.document.extraction;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of one document an extraction may read: at most {@code maxPages} pages, and at most {@code timeout} of
 * wall-clock time for the whole file (OCR included). A file beyond either limit is rejected with a reason.
 */
public record ExtractionLimits(int maxPages, Duration timeout) {

    public static final int DEFAULT_MAX_PAGES = 2000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ExtractionLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** 2,000 pages and 120 seconds. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT);
    }
}
