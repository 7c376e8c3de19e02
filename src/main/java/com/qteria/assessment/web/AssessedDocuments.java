package com.qteria.assessment.web;

import com.qteria.assessment.AssessedDocument;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.web.AssessmentPagesController.DocumentRow;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentView;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowManagement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The documents an assessment read, for the results page and the shared report alike. */
@Component
class AssessedDocuments {

    private final AssessmentManagement assessments;
    private final DocumentManagement documents;
    private final WorkflowManagement workflows;

    AssessedDocuments(AssessmentManagement assessments, DocumentManagement documents, WorkflowManagement workflows) {
        this.assessments = assessments;
        this.documents = documents;
        this.workflows = workflows;
    }

    /**
     * The documents the assessment read, bucket by bucket, each with the file name and SHA-256 fingerprint pinned when
     * it started, and whether it still exists (to link to it).
     */
    List<DocumentRow> of(TenantId tenant, AssessmentView assessment) {
        List<AssessedDocument> given = assessments.assessedDocuments(tenant, assessment.id());
        Map<DocumentId, DocumentView> found = documents.find(tenant,
                given.stream().map(AssessedDocument::documentId).collect(Collectors.toSet()));
        Map<String, String> bucketNames = workflows.version(tenant, assessment.workflow().id(),
                assessment.workflow().version()).buckets().stream()
                .collect(Collectors.toMap(b -> b.key(), b -> b.name(), (a, b) -> a));
        return given.stream().map(d -> new DocumentRow(d.bucket(), bucketNames.getOrDefault(d.bucket(), d.bucket()),
                d.documentId(), d.filename(), d.sha256(), found.containsKey(d.documentId()), d.deletedByRetention()))
                .toList();
    }
}
