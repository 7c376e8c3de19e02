package com.qteria.assessment.job;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.DocumentRef;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.SignatureFact;
import com.qteria.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The documents of an assessment as the evaluators need them. Nothing here waits: while a document is still being
 * read there are no inputs yet, and the assessment is launched again when it has been read ({@link AssessmentQueue}).
 * A rejected document becomes {@link AssessedDocument.Rejected}, so its bucket's criteria come back
 * {@code needs_review} with the reason instead of failing the assessment.
 */
@Component
class AssessmentInputs {

    private final Assessments assessments;
    private final DocumentManagement documents;

    AssessmentInputs(Assessments assessments, DocumentManagement documents) {
        this.assessments = assessments;
        this.documents = documents;
    }

    /** Whether any of the assessment's documents is still being read. */
    boolean stillReading(Assessment assessment) {
        return views(assessment, assessments.documents(assessment.id())).values().stream()
                .anyMatch(v -> v.status() == DocumentStatus.PROCESSING);
    }

    /** The documents once all are read; empty while any is still being read. */
    Optional<List<AssessedDocument>> read(Assessment assessment) {
        List<DocumentRef> refs = assessments.documents(assessment.id());
        Map<DocumentId, DocumentView> views = views(assessment, refs);
        if (views.values().stream().anyMatch(v -> v.status() == DocumentStatus.PROCESSING)) {
            return Optional.empty();
        }
        List<AssessedDocument> read = new ArrayList<>();
        for (DocumentRef ref : refs) {
            DocumentView view = views.get(ref.documentId());
            if (view == null) {
                read.add(new AssessedDocument.Rejected(ref.documentId().value(), "(deleted document)", ref.bucket(),
                        "The document was deleted."));
            } else if (view.status() == DocumentStatus.REJECTED) {
                read.add(new AssessedDocument.Rejected(view.id().value(), view.filename(), ref.bucket(), view.error()));
            } else {
                read.add(readDocument(assessment.tenant(), view, ref.bucket()));
            }
        }
        return Optional.of(read);
    }

    private Map<DocumentId, DocumentView> views(Assessment assessment, List<DocumentRef> refs) {
        return documents.find(assessment.tenant(), refs.stream().map(DocumentRef::documentId)
                .collect(Collectors.toSet()));
    }

    private AssessedDocument readDocument(TenantId tenant, DocumentView view, String bucket) {
        List<DocumentPage> pages = documents.pages(tenant, view.id());
        List<Integer> unread = pages.stream().filter(DocumentPage::needsOcr).map(DocumentPage::number).toList();
        List<SignatureFact> signatures = view.signatures().stream()
                .map(s -> new SignatureFact(s.signer(), s.valid(), s.coversWholeDocument(), s.signedAt(), s.page())).toList();
        EvaluatedDocument document = new EvaluatedDocument(view.id().value(), view.filename(), bucket,
                pages.stream().map(DocumentPage::text).toList(), signatures);
        return new AssessedDocument.Read(document, unread);
    }
}
