package com.qteria.assessment;

import com.qteria.document.DocumentId;
import com.qteria.evaluation.Evidence;

/**
 * A quote on a page of a document, as the results JSON shows it. {@code verified}: the server itself found the quote
 * on that page of that document.
 */
public record EvidenceView(DocumentId documentId, String documentName, int page, String quote, boolean verified) {

    public static EvidenceView of(Evidence evidence) {
        return new EvidenceView(new DocumentId(evidence.documentId()), evidence.documentName(), evidence.page(),
                evidence.quote(), evidence.verified());
    }
}
