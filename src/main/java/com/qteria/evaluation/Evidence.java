package com.qteria.evaluation;

import java.util.UUID;

/**
 * Where a finding comes from: a quote on a page of a document.
 *
 * @param page     1-based page number
 * @param quote    when {@code verified}, exactly {@code pageText.substring(start, end)}
 * @param verified the quote was found on that page of that document by this server
 * @param start    offset of the quote in the page's stored text, for highlighting; -1 when not located
 * @param end      offset after the quote; -1 when not located
 */
public record Evidence(UUID documentId, String documentName, int page, String quote, boolean verified, int start,
        int end) {

    /** Evidence located on a page: the quote is cut from the stored text itself, so it is verified by construction. */
    public static Evidence located(EvaluatedDocument document, int page, int start, int end) {
        String text = document.page(page);
        return new Evidence(document.id(), document.name(), page, text.substring(start, end), true, start, end);
    }

    /** A quote that could not be found where its source said it was. */
    public static Evidence unverified(UUID documentId, String documentName, int page, String quote) {
        return new Evidence(documentId, documentName, page, quote, false, -1, -1);
    }
}
