package com.qteria.assessment.job;

import com.qteria.assessment.AssessedDocument;
import com.qteria.assessment.AssessmentEvent.AssessmentCompleted;
import com.qteria.assessment.AssessmentEvent.AssessmentFailed;
import com.qteria.assessment.AssessmentRun;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.Summary;
import com.qteria.assessment.persistence.AssessmentRow;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.StoredFinding;
import com.qteria.document.DocumentManagement;
import com.qteria.shared.TenantId;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment job: {@code extracting} (waits until every document has been read) → {@code evaluating} (one
 * criterion at a time, each finding stored as soon as it exists, so a resumed run only does what is missing; a
 * cancel is honoured between criteria) → {@code finalizing} (summary). No transaction is open while evaluating:
 * every write is its own short statement. Failures end {@code failed} with a plain message and an audit entry.
 */
@Component
public class AssessmentJob {

    private static final Logger log = LoggerFactory.getLogger(AssessmentJob.class);
    static final String INTERNAL_FAILURE = "The assessment stopped because of an internal error. Start it again; "
            + "if it fails again, contact your administrator with the assessment's id.";

    private final Assessments assessments;
    private final WorkflowManagement workflows;
    private final AssessmentInputs inputs;
    private final AssessmentRun run;
    private final FindingCache cache;
    private final DocumentManagement documents;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    AssessmentJob(Assessments assessments, WorkflowManagement workflows, AssessmentInputs inputs, AssessmentRun run,
            FindingCache cache, DocumentManagement documents, ApplicationEventPublisher events, JsonMapper json,
            Clock clock) {
        this.assessments = assessments;
        this.workflows = workflows;
        this.inputs = inputs;
        this.run = run;
        this.cache = cache;
        this.documents = documents;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Job(name = "Assessment %0", retries = 2)
    public void run(UUID assessmentId) {
        AssessmentRow row = assessments.findForJob(assessmentId).orElse(null);
        if (row == null || !("queued".equals(row.status()) || "running".equals(row.status()))) {
            return;
        }
        TenantId tenant = new TenantId(row.organizationId());
        try {
            WorkflowView workflow = workflows.version(tenant, row.workflowId(), row.workflowVersion());
            List<Criterion> criteria = workflow.criteria();
            if (!assessments.start(assessmentId, "extracting", criteria.size(), clock.instant())) {
                finishCancelled(row);
                return;
            }
            List<AssessedDocument> read = inputs.awaitRead(row, () -> assessments.cancelRequested(assessmentId));
            if (read == null) {
                finishCancelled(row);
                return;
            }
            if (!evaluate(row, criteria, read)) {
                finishCancelled(row);
                return;
            }
            complete(row, criteria);
        } catch (AssessmentInputs.NotReadInTime e) {
            fail(row, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Assessment {} failed", assessmentId, e);
            fail(row, INTERNAL_FAILURE);
        }
    }

    /** False when cancelled between two criteria. */
    private boolean evaluate(AssessmentRow row, List<Criterion> criteria, List<AssessedDocument> read) {
        Map<String, StoredFinding> existing = assessments.findings(row.id()).stream()
                .collect(Collectors.toMap(StoredFinding::criterionKey, f -> f));
        int done = existing.size();
        log.info("Assessment {}: evaluating {} criteria here ({} already stored)", row.id(), criteria.size(), done);
        Function<Criterion, String> keys = cache.keys(read, row.asOf());
        assessments.progress(row.id(), "evaluating", done, clock.instant());
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            if (existing.containsKey(criterion.key())) {
                continue;
            }
            if (assessments.cancelRequested(row.id())) {
                return false;
            }
            String key = keys.apply(criterion);
            String finding = cache.lookup(row.organizationId(), key)
                    .orElseGet(() -> json.writeValueAsString(run.assess(criterion, read, row.asOf())));
            assessments.saveFinding(row.id(), row.organizationId(), new StoredFinding(criterion.key(), i, finding, key),
                    clock.instant());
            assessments.progress(row.id(), "evaluating", ++done, clock.instant());
        }
        return true;
    }

    private void complete(AssessmentRow row, List<Criterion> criteria) {
        assessments.progress(row.id(), "finalizing", criteria.size(), clock.instant());
        List<CriterionResult> results = new ArrayList<>();
        for (StoredFinding finding : assessments.findings(row.id())) {
            results.add(json.readValue(finding.finding(), CriterionResult.class));
        }
        Summary summary = Summary.of(results);
        if (assessments.complete(row.id(), json.writeValueAsString(summary), clock.instant())) {
            documents.release(row.id());
            events.publishEvent(new AssessmentCompleted(new TenantId(row.organizationId()), "system", row.id(),
                    summary.overall().json()));
        }
    }

    private void finishCancelled(AssessmentRow row) {
        assessments.cancelled(row.id(), clock.instant());
        documents.release(row.id());
    }

    void fail(AssessmentRow row, String error) {
        if (assessments.fail(row.id(), error, clock.instant())) {
            documents.release(row.id());
            events.publishEvent(new AssessmentFailed(new TenantId(row.organizationId()), "system", row.id(), error));
        }
    }
}
