package com.qteria.assessment.job;

import com.qteria.assessment.AssessedDocument;
import com.qteria.assessment.persistence.AssessmentRow;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.DocumentRef;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.SignatureFact;
import com.qteria.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The documents of an assessment as the evaluators need them. Documents still being read are waited for (up to a
 * configured time); a rejected document becomes {@link AssessedDocument.Rejected}, so its bucket's criteria come back
 * {@code needs_review} with the reason instead of failing the assessment.
 */
@Component
class AssessmentInputs {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Assessments assessments;
    private final DocumentManagement documents;
    private final Duration readingWait;

    AssessmentInputs(Assessments assessments, DocumentManagement documents,
            @Value("${qteria.assessment.reading-wait:15m}") Duration readingWait) {
        this.assessments = assessments;
        this.documents = documents;
        this.readingWait = readingWait;
    }

    static final class NotReadInTime extends RuntimeException {
        NotReadInTime(String message) {
            super(message);
        }
    }

    /** The documents once all are read; null when the assessment was cancelled while waiting. */
    List<AssessedDocument> awaitRead(AssessmentRow row, BooleanSupplier cancelled) {
        TenantId tenant = new TenantId(row.organizationId());
        List<DocumentRef> refs = assessments.documents(row.id());
        Instant deadline = Instant.now().plus(readingWait);
        Map<java.util.UUID, DocumentView> views;
        while (true) {
            views = documents.find(tenant, refs.stream().map(DocumentRef::documentId).collect(Collectors.toSet()));
            boolean reading = views.values().stream().anyMatch(v -> v.status() == DocumentStatus.PROCESSING);
            if (!reading) {
                break;
            }
            if (cancelled.getAsBoolean()) {
                return null;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotReadInTime("Some documents were still being read after " + readingWait.toMinutes()
                        + " minutes; start the assessment again once they are ready.");
            }
            sleep();
        }
        List<AssessedDocument> read = new ArrayList<>();
        for (DocumentRef ref : refs) {
            DocumentView view = views.get(ref.documentId());
            if (view == null) {
                read.add(new AssessedDocument.Rejected(ref.documentId(), "(deleted document)", ref.bucket(),
                        "The document was deleted."));
            } else if (view.status() == DocumentStatus.REJECTED) {
                read.add(new AssessedDocument.Rejected(view.id(), view.filename(), ref.bucket(), view.error()));
            } else {
                read.add(readDocument(tenant, view, ref.bucket()));
            }
        }
        return read;
    }

    private AssessedDocument readDocument(TenantId tenant, DocumentView view, String bucket) {
        List<DocumentPage> pages = documents.pages(tenant, view.id());
        List<Integer> unread = pages.stream().filter(DocumentPage::needsOcr).map(DocumentPage::number).toList();
        List<SignatureFact> signatures = view.signatures().stream()
                .map(s -> new SignatureFact(s.signer(), s.valid(), s.coversWholeDocument())).toList();
        EvaluatedDocument document = new EvaluatedDocument(view.id(), view.filename(), bucket,
                pages.stream().map(DocumentPage::text).toList(), signatures);
        return new AssessedDocument.Read(document, unread);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for documents to be read", e);
        }
    }
}
