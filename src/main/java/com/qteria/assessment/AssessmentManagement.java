package com.qteria.assessment;

import com.qteria.assessment.AssessmentEvent.AssessmentCancelled;
import com.qteria.assessment.AssessmentEvent.AssessmentExported;
import com.qteria.assessment.AssessmentEvent.AssessmentStarted;
import com.qteria.assessment.job.AssessmentMetrics;
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
    private final AssessmentMetrics metrics;
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
            AiPolicy aiPolicy, ReasonText reasonText, AssessmentProperties settings, AssessmentReviews reviews,
            AssessmentMetrics metrics) {
        this.metrics = metrics;
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
        validateEntries(workflow, given, "documents");
        return launch(user, workflow, trim(request.reference()), given, null, List.of());
    }

    /**
     * Re-runs a finished assessment (completed, failed or cancelled) as a new one with {@code parent_id}: the buckets
     * named in {@code replace} get the documents given for them, every other bucket keeps the earlier run's documents;
     * the reference is the earlier run's, the creator the caller. It runs on the workflow version the earlier run used,
     * or on the workflow's newest one with {@code latest_workflow} (buckets the newest version no longer has are
     * dropped). Criteria whose inputs did not change reuse their findings (the job's finding cache), and their reviews
     * are carried over when the re-run completes ({@link AssessmentReviews#carryOver}). 409 ASSESSMENT_NOT_READY while
     * the assessment is queued or running; 409 CONFLICT when its workflow has been archived; the documents are
     * checked as {@link #start} checks them.
     */
    public AssessmentView rerun(CurrentUser user, AssessmentId id, RerunAssessment request) {
        Assessment parent = find(user.tenantId(), id);
        if (!parent.status().finished()) {
            throw new ApiProblem(ProblemCode.ASSESSMENT_NOT_READY, "The assessment is " + parent.status().value()
                    + "; re-run it once it has finished.");
        }
        RerunAssessment asked = request == null ? RerunAssessment.SAME : request;
        AssessmentView.WorkflowRef ran = parent.pinned().workflow();
        WorkflowView workflow = Boolean.TRUE.equals(asked.latestWorkflow())
                ? workflows.get(user.tenantId(), ran.id())
                : workflows.version(user.tenantId(), ran.id(), ran.version());
        if (workflow.archived()) {
            throw ApiProblem.conflict("The workflow " + workflow.name() + " has been archived; re-runs use active "
                    + "workflows. Start a new assessment on an active workflow.");
        }
        List<StartAssessment.BucketDocument> replace = asked.replace() == null ? List.of() : asked.replace();
        validateEntries(workflow, replace, "replace");
        Set<String> replaced = replace.stream().map(StartAssessment.BucketDocument::bucket)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Set<String> keys = workflow.buckets().stream().map(Bucket::key).collect(Collectors.toSet());
        List<StartAssessment.BucketDocument> given = new ArrayList<>();
        assessments.documents(parent.id()).stream()
                .filter(d -> keys.contains(d.bucket()) && !replaced.contains(d.bucket()))
                .forEach(d -> given.add(new StartAssessment.BucketDocument(d.bucket(), d.documentId())));
        refuseDeleted(user.tenantId(), given);
        given.addAll(replace);
        return launch(user, workflow, parent.pinned().reference(), given, parent.id(), List.copyOf(replaced));
    }

    /**
     * What changed between a re-run and the assessment it re-ran, both as reviewed. 409 ASSESSMENT_NOT_READY until the
     * re-run has completed; 409 CONFLICT when it is no re-run, or the assessment it re-ran did not complete (then there
     * are no earlier results to compare with).
     */
    public AssessmentDiff diff(TenantId tenant, AssessmentId id) {
        Assessment assessment = find(tenant, id);
        if (assessment.status() != AssessmentStatus.COMPLETED) {
            throw AssessmentReviews.notReady(assessment);
        }
        AssessmentId parentId = assessment.pinned().parentId();
        if (parentId == null) {
            throw ApiProblem.conflict("This assessment is not a re-run: there is no earlier version to compare it "
                    + "with.");
        }
        AssessmentStatus before = find(tenant, parentId).status();
        if (before != AssessmentStatus.COMPLETED) {
            throw ApiProblem.conflict("The assessment this one re-ran is " + before.value()
                    + " and has no results to compare with.");
        }
        return AssessmentDiff.of(parentId, reviews.current(parentId), reviews.current(id));
    }

    /**
     * Every version of an assessment: the first one it was re-run from and all re-runs of that one, oldest first (v1,
     * v2, …). Just the assessment itself when it was never re-run.
     */
    public List<AssessmentView> versions(TenantId tenant, AssessmentId id) {
        return assessments.versions(tenant, id).stream().map(Assessment::view).toList();
    }

    /** The documents an assessment was given, per bucket, in the order given. */
    public List<StartAssessment.BucketDocument> documents(TenantId tenant, AssessmentId id) {
        return assessments.documents(find(tenant, id).id()).stream()
                .map(d -> new StartAssessment.BucketDocument(d.bucket(), d.documentId())).toList();
    }

    /**
     * The documents an assessment was given, in the order given, each with the file name and fingerprint pinned when
     * it started: they stay when the document is deleted later.
     */
    public List<AssessedDocument> assessedDocuments(TenantId tenant, AssessmentId id) {
        AssessmentId found = find(tenant, id).id();
        Set<DocumentId> expired = assessments.retentionDeleted(found);
        return assessments.documents(found).stream()
                .map(d -> new AssessedDocument(d.bucket(), d.documentId(), d.filename(), d.sha256(),
                        expired.contains(d.documentId()))).toList();
    }

    /**
     * Queues an assessment of {@code given} against {@code workflow} once every required bucket has a readable
     * document of the caller's organization (another organization's document is 404).
     */
    private AssessmentView launch(CurrentUser user, WorkflowView workflow, String reference,
            List<StartAssessment.BucketDocument> given, AssessmentId parentId, List<String> replaced) {
        requireBuckets(workflow, given);
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
                reference, LocalDate.ofInstant(now, ZoneOffset.UTC), user.id(), now, parentId, ai.enabled() ? ai.provider() : null, ai.model()), workflow.criteria().size());
        AssessmentId id = assessment.id();
        transactions.executeWithoutResult(tx -> {
            assessments.insert(assessment, given.stream().map(d -> new DocumentRef(d.bucket(), d.documentId(),
                    found.get(d.documentId()).filename(), found.get(d.documentId()).sha256())).toList());
            documents.hold(user.tenantId(), found.keySet(), id.value());
            events.publishEvent(new AssessmentStarted(user.tenantId(), user.email(), id, workflow.id(),
                    workflow.version(), assessment.pinned().reference(), parentId, replaced));
        });
        metrics.started();
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
     * The export of a completed assessment ({@code GET …/report.csv}, {@code …/report.json}): the assessment, its
     * documents with their pinned fingerprints and its results as {@link #results} gives them; audited as
     * {@code assessment.exported} with the {@code format}. 409 ASSESSMENT_NOT_READY until completed.
     */
    public AssessmentReport report(CurrentUser user, AssessmentId id, Locale locale, String format) {
        AssessmentResults results = results(user.tenantId(), id, locale);
        AssessmentReport report = new AssessmentReport(get(user.tenantId(), id),
                assessedDocuments(user.tenantId(), id), results.summary(), results.results());
        events.publishEvent(new AssessmentExported(user.tenantId(), user.email(), id, format));
        return report;
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
        if (assessment.status() == AssessmentStatus.CANCELLED) {
            // Ended by this statement (the job counts the ones it stops itself).
            metrics.finished(AssessmentStatus.CANCELLED, assessment.pinned().createdAt(), assessment.finishedAt());
        }
        if (view.status() == AssessmentStatus.CANCELLED) {
            documents.release(id.value());
        }
        return view;
    }

    /** Each entry names a bucket of the workflow and a document; errors name {@code field}[i]. */
    private static void validateEntries(WorkflowView workflow, List<StartAssessment.BucketDocument> given,
            String field) {
        Set<String> keys = workflow.buckets().stream().map(Bucket::key).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            StartAssessment.BucketDocument document = given.get(i);
            if (document == null || document.bucket() == null || !keys.contains(document.bucket())) {
                errors.add(new FieldError(field + "[" + i + "].bucket", "No bucket with this key in the workflow."));
            } else if (document.documentId() == null) {
                errors.add(new FieldError(field + "[" + i + "].document_id", "Give the document's id."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    private static void requireBuckets(WorkflowView workflow, List<StartAssessment.BucketDocument> given) {
        List<String> missing = AssessmentRun.missingRequiredBuckets(workflow.buckets(),
                given.stream().map(StartAssessment.BucketDocument::bucket).toList());
        if (!missing.isEmpty()) {
            throw new ApiProblem(ProblemCode.MISSING_REQUIRED_BUCKETS, "Every required bucket needs a document: "
                    + String.join(", ", missing) + ".", missing.stream()
                    .map(key -> new FieldError("documents", "Required bucket '" + key + "' has no document."))
                    .toList(), null);
        }
    }

    /** A document the earlier run had and that has been deleted since: its bucket needs another one. */
    private void refuseDeleted(TenantId tenant, List<StartAssessment.BucketDocument> kept) {
        Set<DocumentId> existing = documents.find(tenant, kept.stream().map(StartAssessment.BucketDocument::documentId)
                .collect(Collectors.toSet())).keySet();
        List<FieldError> errors = kept.stream().filter(d -> !existing.contains(d.documentId())).map(d -> d.bucket())
                .distinct().map(bucket -> new FieldError("replace", "A document of bucket '" + bucket + "' has been "
                        + "deleted since the assessment ran. Replace the bucket's documents."))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
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
