package com.qteria.assessment;

import com.qteria.evaluation.Evidence;
import java.util.UUID;

/**
 * A quote on a page of a document, as the results JSON shows it. {@code verified}: the server itself found the quote
 * on that page of that document.
 */
public record EvidenceView(UUID documentId, String documentName, int page, String quote, boolean verified) {

    public static EvidenceView of(Evidence evidence) {
        return new EvidenceView(evidence.documentId(), evidence.documentName(), evidence.page(), evidence.quote(),
                evidence.verified());
    }
}
