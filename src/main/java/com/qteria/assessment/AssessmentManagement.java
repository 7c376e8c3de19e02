package com.qteria.assessment;

import com.qteria.assessment.AssessmentEvent.AssessmentCancelled;
import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.DocumentRef;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.evaluation.ReasonText;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final Clock clock;
    private final AiPolicy aiPolicy;
    private final ReasonText reasonText;
    private final AssessmentProperties settings;
    private final AssessmentReviews reviews;

    AssessmentManagement(Assessments assessments, WorkflowManagement workflows, DocumentManagement documents,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
            AiPolicy aiPolicy, ReasonText reasonText, AssessmentProperties settings, AssessmentReviews reviews) {
        this.reviews = reviews;
        this.settings = settings;
        this.aiPolicy = aiPolicy;
        this.reasonText = reasonText;
        this.assessments = assessments;
        this.workflows = workflows;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
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
        Map<DocumentId, DocumentView> found = documents.find(user.tenantId(),
                given.stream().map(StartAssessment.BucketDocument::documentId).collect(Collectors.toSet()));
        if (found.size() != given.stream().map(StartAssessment.BucketDocument::documentId).distinct().count()) {
            throw ApiProblem.notFound("Document");
        }
        refuseUnreadableOnly(workflow, given, found);
        AiPolicy.Choice ai = aiPolicy.choice(user.tenantId());
        if (ai.enabled() && workflow.criteria().stream().anyMatch(c -> c.checks() == null || c.checks().isEmpty())) {
            aiPolicy.checkBudget(user.tenantId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        Assessment assessment = Assessment.queue(new Assessment.Pinned(user.tenantId(),
                new AssessmentView.WorkflowRef(workflow.id(), workflow.version(), workflow.name()),
                trim(request.reference()), LocalDate.ofInstant(now, ZoneOffset.UTC), user.id(), now, null, ai.enabled() ? ai.provider() : null, ai.model()), workflow.criteria().size());
        AssessmentId id = assessment.id();
        transactions.executeWithoutResult(tx -> {
            assessments.insert(assessment, given.stream().map(d -> new DocumentRef(d.bucket(), d.documentId()))
                    .toList());
            documents.hold(user.tenantId(), found.keySet(), id.value());
            events.publishEvent(new AssessmentStarted(user.tenantId(), user.email(), id, workflow.id(),
                    workflow.version(), assessment.pinned().reference()));
        });
        // As queued: once committed, the assessment may already be running (it starts at once when its documents
        // are read), and the answer to the start is the assessment as it was started.
        return assessment.view();
    }

    public AssessmentView get(TenantId tenant, AssessmentId id) {
        return find(tenant, id).view();
    }

    /** The organization's assessments among {@code ids}, in one query; ids of other organizations are left out. */
    public List<AssessmentView> get(TenantId tenant, Collection<AssessmentId> ids) {
        return assessments.find(tenant, ids).stream().map(Assessment::view).toList();
    }

    /** A page of the organization's assessments, newest first; 422 for a status that is none. */
    public PageResponse<AssessmentView> list(TenantId tenant, AssessmentFilter filter, Paging paging) {
        String wanted = filter.status();
        if (!wanted.isEmpty() && java.util.Arrays.stream(AssessmentStatus.values()).noneMatch(s -> s.value().equals(wanted))) {
            throw ApiProblem.validation("status", "Use one of queued, running, completed, failed, cancelled.");
        }
        List<AssessmentView> items = assessments.list(tenant, filter, paging).stream()
                .map(Assessment::view).toList();
        return PageResponse.of(items, paging, assessments.count(tenant, filter));
    }

    /**
     * The results as reviewed ({@link AssessmentReviews}), each reasoning said in {@code locale} with the buckets of
     * the assessed workflow version by name; 409 ASSESSMENT_NOT_READY until the assessment has completed.
     */
    public AssessmentResults results(TenantId tenant, AssessmentId id, Locale locale) {
        Assessment assessment = find(tenant, id);
        if (assessment.status() != AssessmentStatus.COMPLETED) {
            throw AssessmentReviews.notReady(assessment);
        }
        AssessmentView.WorkflowRef workflow = assessment.pinned().workflow();
        Map<String, String> bucketNames = workflows.version(tenant, workflow.id(), workflow.version()).buckets().stream()
                .collect(Collectors.toMap(Bucket::key, Bucket::name));
        return AssessmentResults.of(reviews.current(assessment.id())).rendered(reasonText, locale, key -> bucketNames.getOrDefault(key, key));
    }

    /**
     * Cancels a queued or waiting assessment at once, a running one between two criteria, and one whose worker has
     * been silent for longer than {@link AssessmentProperties#abandonedAfter} at once (its worker is gone, or will find
     * it cancelled when it reports); 409 once it has finished.
     */
    public AssessmentView cancel(CurrentUser user, AssessmentId id) {
        Assessment assessment = find(user.tenantId(), id);
        String was = assessment.status().value();
        Instant now = clock.instant();
        Instant silentSince = now.minus(settings.abandonedAfter());
        try {
            assessment.requestCancel(now, silentSince);
        } catch (Assessment.IllegalTransition e) {
            throw ApiProblem.conflict("The assessment has already " + was + ".");
        }
        if (!assessments.requestCancel(assessment, now, silentSince)) {
            throw ApiProblem.conflict("The assessment has already "
                    + find(user.tenantId(), id).status().value() + ".");
        }
        events.publishEvent(new AssessmentCancelled(user.tenantId(), user.email(), id));
        AssessmentView view = get(user.tenantId(), id);
        if (view.status() == AssessmentStatus.CANCELLED) {
            documents.release(id.value());
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
            Map<DocumentId, DocumentView> found) {
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
        return "Unable to read " + document.filename() + "." + (document.error() == null ? "" : " " + document.error());
    }

    private Assessment find(TenantId tenant, AssessmentId id) {
        return assessments.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("Assessment"));
    }

    private static String trim(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
