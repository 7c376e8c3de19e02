package com.qteria.assessment;

import com.qteria.document.DocumentId;
import com.qteria.workflow.WorkflowId;
import java.util.List;

/** {@code POST /api/v1/assessments}: the workflow, a reference for people, and the documents per bucket. */
public record StartAssessment(WorkflowId workflowId, String reference, List<BucketDocument> documents) {

    public record BucketDocument(String bucket, DocumentId documentId) {
    }
}
