package com.qteria.assessment;

import com.qteria.document.DocumentId;

/**
 * A document an assessment read: the bucket it was given for, its id, and its file name and SHA-256 fingerprint as
 * pinned when the assessment started, so results and exports still identify it after it has been deleted. Name and
 * fingerprint are null only for assessments started before they were pinned whose document was already gone.
 * {@code deletedByRetention}: the document was deleted under the organization's retention policy.
 */
public record AssessedDocument(String bucket, DocumentId documentId, String filename, String sha256,
        boolean deletedByRetention) {
}
