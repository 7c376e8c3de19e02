package com.qteria.document.extraction;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of one document an extraction may read: at most {@code maxPages} pages, and at most {@code timeout} of
 * wall-clock time for the whole file (OCR included). A file beyond either limit is rejected with a reason.
 * <p>
 * The text is capped whatever the format: a page's text beyond {@code maxPageCharacters} is cut off (the document
 * gets a warning naming the page), a document with more than {@code maxDocumentCharacters} characters of text in all
 * is rejected. A Word file that expands to more than {@code maxUnpackedBytes} when unpacked is rejected before any of
 * it is parsed (a zip bomb). These bound what one document can cost in memory, storage and every later reader of
 * its text (the text endpoint and page, checks, retrieval, the AI).
 */
public record ExtractionLimits(int maxPages, Duration timeout, int maxPageCharacters, long maxDocumentCharacters,
        long maxUnpackedBytes) {

    public static final int DEFAULT_MAX_PAGES = 2000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_PAGE_CHARACTERS = 200_000;
    public static final long DEFAULT_MAX_DOCUMENT_CHARACTERS = 20_000_000;
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    public ExtractionLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxPageCharacters < 1 || maxDocumentCharacters < 1 || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("text and size limits must be at least 1, were " + maxPageCharacters
                    + ", " + maxDocumentCharacters + ", " + maxUnpackedBytes);
        }
    }

    /** The given pages and time, with the default text and size caps. */
    public ExtractionLimits(int maxPages, Duration timeout) {
        this(maxPages, timeout, DEFAULT_MAX_PAGE_CHARACTERS, DEFAULT_MAX_DOCUMENT_CHARACTERS,
                DEFAULT_MAX_UNPACKED_BYTES);
    }

    /** 2,000 pages, 120 seconds, 200,000 characters a page, 20 million a document, 100 MB unpacked. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT);
    }
}
