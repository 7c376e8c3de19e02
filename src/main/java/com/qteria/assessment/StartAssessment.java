package com.qteria.assessment;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/assessments}: the workflow, a reference for people, and the documents per bucket. */
public record StartAssessment(UUID workflowId, String reference, List<BucketDocument> documents) {

    public record BucketDocument(String bucket, UUID documentId) {
    }
}
