package com.qteria.assessment;

import com.qteria.assessment.AssessmentEvent.AssessmentCancelled;
import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.persistence.AssessmentRow;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.DocumentRef;
import com.qteria.assessment.persistence.StoredFinding;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting, reading and cancelling assessments. Starting pins the workflow's current version and the documents per
 * bucket, holds the documents (they cannot be deleted until the assessment ends) and queues the job once the
 * transaction has committed.
 */
@Service
public class AssessmentManagement {

    private final Assessments assessments;
    private final WorkflowManagement workflows;
    private final DocumentManagement documents;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final AiPolicy aiPolicy;

    AssessmentManagement(Assessments assessments, WorkflowManagement workflows, DocumentManagement documents,
            TransactionTemplate transactions, ApplicationEventPublisher events, JsonMapper json, Clock clock,
            AiPolicy aiPolicy) {
        this.aiPolicy = aiPolicy;
        this.assessments = assessments;
        this.workflows = workflows;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public AssessmentView start(CurrentUser user, StartAssessment request) {
        if (request == null || request.workflowId() == null) {
            throw ApiProblem.validation("workflow_id", "Choose the workflow to assess against.");
        }
        WorkflowView workflow = workflows.get(user.tenantId(), request.workflowId());
        if (request.reference() != null && request.reference().strip().length() > 200) {
            throw ApiProblem.validation("reference", "At most 200 characters.");
        }
        if (workflow.archived()) {
            throw ApiProblem.validation("workflow_id", "The workflow is archived; assessments use active workflows.");
        }
        List<StartAssessment.BucketDocument> given = request.documents() == null ? List.of() : request.documents();
        validateBuckets(workflow, given);
        Map<UUID, DocumentView> found = documents.find(user.tenantId(),
                given.stream().map(StartAssessment.BucketDocument::documentId).collect(Collectors.toSet()));
        if (found.size() != given.stream().map(StartAssessment.BucketDocument::documentId).distinct().count()) {
            throw ApiProblem.notFound("Document");
        }
        refuseUnreadableOnly(workflow, given, found);
        AiPolicy.Choice ai = aiPolicy.choice(user.tenantId());
        if (ai.enabled() && workflow.criteria().stream().anyMatch(c -> c.checks() == null || c.checks().isEmpty())) {
            aiPolicy.checkBudget(user.tenantId());
        }
        UUID id = Ids.next();
        AssessmentRow row = new AssessmentRow(id, user.tenantId().value(), workflow.id(), workflow.version(),
                workflow.name(), trim(request.reference()), AssessmentStatus.QUEUED.value(), null, 0, 0,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), user.id(), clock.instant(), null, null, null,
                false, null, null, 0, 0, java.math.BigDecimal.ZERO, null, ai.enabled() ? ai.provider() : null, ai.model(), 0, 0);
        transactions.executeWithoutResult(tx -> {
            assessments.insert(row, given.stream().map(d -> new DocumentRef(d.bucket(), d.documentId())).toList());
            documents.hold(user.tenantId(), found.keySet(), id);
            events.publishEvent(new AssessmentStarted(user.tenantId(), user.email(), id, workflow.id(),
                    workflow.version(), row.reference()));
        });
        return get(user.tenantId(), id);
    }

    public AssessmentView get(TenantId tenant, UUID id) {
        return view(row(tenant, id));
    }

    public PageResponse<AssessmentView> list(TenantId tenant, String status, UUID workflowId, String q, Paging paging) {
        String wanted = status == null || status.isBlank() ? "" : status.trim().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.isEmpty() && java.util.Arrays.stream(AssessmentStatus.values()).noneMatch(s -> s.value().equals(wanted))) {
            throw ApiProblem.validation("status", "Use one of queued, running, completed, failed, cancelled.");
        }
        List<AssessmentView> items = assessments.list(tenant, wanted, workflowId, q, paging).stream().map(this::view).toList();
        return PageResponse.of(items, paging, assessments.count(tenant, wanted, workflowId, q));
    }

    /** The results; 409 ASSESSMENT_NOT_READY until the assessment has completed. */
    public AssessmentResults results(TenantId tenant, UUID id) {
        AssessmentRow row = row(tenant, id);
        if (AssessmentStatus.of(row.status()) != AssessmentStatus.COMPLETED) {
            throw new ApiProblem(ProblemCode.ASSESSMENT_NOT_READY, "The assessment is " + row.status()
                    + "; results exist once it has completed.");
        }
        List<CriterionResult> results = new ArrayList<>();
        for (StoredFinding finding : assessments.findings(id)) {
            results.add(json.readValue(finding.finding(), CriterionResult.class));
        }
        return AssessmentResults.of(results);
    }

    /** Cancels a queued assessment at once and a running one between two criteria; 409 once it has finished. */
    public AssessmentView cancel(CurrentUser user, UUID id) {
        AssessmentRow row = row(user.tenantId(), id);
        if (!assessments.requestCancel(user.tenantId(), row.id(), clock.instant())) {
            throw ApiProblem.conflict("The assessment has already " + row.status() + ".");
        }
        events.publishEvent(new AssessmentCancelled(user.tenantId(), user.email(), row.id()));
        AssessmentView view = get(user.tenantId(), id);
        if (view.status() == AssessmentStatus.CANCELLED) {
            documents.release(id);
        }
        return view;
    }

    private void validateBuckets(WorkflowView workflow, List<StartAssessment.BucketDocument> given) {
        Set<String> keys = workflow.buckets().stream().map(Bucket::key).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            StartAssessment.BucketDocument document = given.get(i);
            if (document == null || document.bucket() == null || !keys.contains(document.bucket())) {
                errors.add(new FieldError("documents[" + i + "].bucket", "No bucket with this key in the workflow."));
            } else if (document.documentId() == null) {
                errors.add(new FieldError("documents[" + i + "].document_id", "Give the document's id."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        List<String> missing = AssessmentRun.missingRequiredBuckets(workflow.buckets(),
                given.stream().map(StartAssessment.BucketDocument::bucket).toList());
        if (!missing.isEmpty()) {
            throw new ApiProblem(ProblemCode.MISSING_REQUIRED_BUCKETS, "Every required bucket needs a document: "
                    + String.join(", ", missing) + ".", missing.stream()
                    .map(key -> new FieldError("documents", "Required bucket '" + key + "' has no document."))
                    .toList(), null);
        }
    }

    /** A required bucket whose only documents were rejected (unreadable) has nothing to assess, as if it were empty. */
    private static void refuseUnreadableOnly(WorkflowView workflow, List<StartAssessment.BucketDocument> given,
            Map<UUID, DocumentView> found) {
        List<String> missing = AssessmentRun.missingRequiredBuckets(workflow.buckets(), given.stream()
                .filter(d -> found.get(d.documentId()).status() != DocumentStatus.REJECTED)
                .map(StartAssessment.BucketDocument::bucket).toList());
        if (missing.isEmpty()) {
            return;
        }
        List<FieldError> errors = missing.stream().map(key -> new FieldError("documents", "Required bucket '" + key
                + "' has no readable document: " + given.stream().filter(d -> d.bucket().equals(key))
                .map(d -> unreadable(found.get(d.documentId()))).distinct().collect(Collectors.joining(" ")))).toList();
        throw new ApiProblem(ProblemCode.MISSING_REQUIRED_BUCKETS, "Every required bucket needs a readable document: "
                + String.join(", ", missing) + ".", errors, null);
    }

    private static String unreadable(DocumentView document) {
        return document.filename() + " could not be read" + (document.error() == null ? "." : ": " + document.error());
    }

    private AssessmentRow row(TenantId tenant, UUID id) {
        return assessments.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("Assessment"));
    }

    private AssessmentView view(AssessmentRow row) {
        int percent = row.total() == 0 ? 0 : Math.min(100, row.done() * 100 / row.total());
        AssessmentStatus status = AssessmentStatus.of(row.status());
        if (status == AssessmentStatus.COMPLETED) {
            percent = 100;
        }
        Summary summary = row.summary() == null ? null : json.readValue(row.summary(), Summary.class);
        return new AssessmentView(row.id(), new AssessmentView.WorkflowRef(row.workflowId(), row.workflowVersion(),
                row.workflowName()), row.reference(), status,
                new AssessmentView.Progress(row.phase(), row.done(), row.total(), percent), row.createdBy(),
                row.createdAt(), row.startedAt(), row.finishedAt(), row.error(), summary,
                new AssessmentView.Cost(row.inputTokens(), row.outputTokens(), row.usd(), row.cacheWriteTokens(),
                        row.cacheReadTokens(), row.aiProvider() == null ? null : row.aiProvider() + "/" + row.aiModel()),
                row.parentId());
    }

    private static String trim(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
