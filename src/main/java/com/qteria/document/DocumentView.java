package com.qteria.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document as API.md shows it, plus what the reading found: warnings (e.g. pages that could not be OCR'd),
 * the number of OCR'd pages and the digital signatures.
 */
public record DocumentView(DocumentId id, String filename, String mediaType, long sizeBytes, String sha256,
        Integer pages, DocumentStatus status, String error, UUID uploadedBy, Instant uploadedAt, List<String> warnings,
        int ocrPages, List<Signature> signatures) {
}
