package com.qteria.document.extraction;

/**
 * Thrown from deep inside PDFBox's content-stream processing when the {@link Deadline} has passed. Unchecked on
 * purpose: PDFBox swallows {@code IOException}s of some operators (e.g. a failing form XObject), but lets
 * runtime exceptions through, so the whole extraction really stops.
 */
public final class ExtractionTimedOut extends RuntimeException {

    public ExtractionTimedOut() {
        super("extraction deadline passed", null, false, false);
    }
}
