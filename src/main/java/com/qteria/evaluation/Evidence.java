package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a finding comes from: a quote on a page of a document, the closest passage to what a failed check looked for,
 * or the field of a digital signature.
 *
 * @param page      1-based page number
 * @param quote     when {@code verified}, exactly {@code pageText.substring(start, end)}; null for a digital signature
 * @param verified  the quote was found on that page of that document by this server
 * @param start     offset of the quote in the page's stored text, for highlighting; -1 when not located
 * @param end       offset after the quote; -1 when not located
 * @param kind      what the evidence shows
 * @param signature the digital signature, for {@link Kind#DIGITAL_SIGNATURE}; else null
 */
public record Evidence(UUID documentId, String documentName, int page, String quote, boolean verified, int start,
        int end, Kind kind, SignatureFact signature) {

    /**
     * What an evidence line shows; JSON {@code quote | closest_match | digital_signature}.
     * <ul>
     * <li>{@code quote} — text on the page that supports the verdict;</li>
     * <li>{@code closest_match} — for a check that failed because something is absent: the passage nearest to it
     *     (say "2014/30/EU" where "2014/35/EU" was required). Evidence of the failure, never of a pass;</li>
     * <li>{@code digital_signature} — the page of a digital signature's field; the signature itself, not text, is the
     *     evidence, so there is no quote.</li>
     * </ul>
     */
    public enum Kind {
        QUOTE, CLOSEST_MATCH, DIGITAL_SIGNATURE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Evidence {
        kind = kind == null ? Kind.QUOTE : kind;
    }

    /** A quote on a page. */
    public Evidence(UUID documentId, String documentName, int page, String quote, boolean verified, int start,
            int end) {
        this(documentId, documentName, page, quote, verified, start, end, Kind.QUOTE, null);
    }

    /** Evidence located on a page: the quote is cut from the stored text itself, so it is verified by construction. */
    public static Evidence located(EvaluatedDocument document, int page, int start, int end) {
        String text = document.page(page);
        return new Evidence(document.id(), document.name(), page, text.substring(start, end), true, start, end);
    }

    /** A quote that could not be found where its source said it was. */
    public static Evidence unverified(UUID documentId, String documentName, int page, String quote) {
        return new Evidence(documentId, documentName, page, quote, false, -1, -1);
    }

    /** The field of a digital signature, on {@code page} of the document. */
    public static Evidence digitalSignature(EvaluatedDocument document, int page, SignatureFact signature) {
        return new Evidence(document.id(), document.name(), page, null, false, -1, -1, Kind.DIGITAL_SIGNATURE,
                signature);
    }

    /** The same passage, shown as the closest match to what a failed check looked for. */
    public Evidence asClosestMatch() {
        return new Evidence(documentId, documentName, page, quote, verified, start, end, Kind.CLOSEST_MATCH, null);
    }
}
