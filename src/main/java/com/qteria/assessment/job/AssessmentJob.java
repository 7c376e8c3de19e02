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
import com.qteria.evaluation.AiBatch;
import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.AiModels;
import com.qteria.evaluation.AiOutcome;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.TokenUsage;
import com.qteria.shared.Ids;
import com.qteria.document.DocumentManagement;
import com.qteria.shared.TenantId;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
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
    private final AiModels models;

    AssessmentJob(Assessments assessments, WorkflowManagement workflows, AssessmentInputs inputs, AssessmentRun run,
            FindingCache cache, DocumentManagement documents, ApplicationEventPublisher events, JsonMapper json,
            Clock clock, AiModels models) {
        this.models = models;
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
        } catch (LanguageModelException e) {
            log.error("Assessment {} failed: the AI provider refused the call ({}: {})", assessmentId, e.kind(),
                    e.getMessage());
            fail(row, e.plainMessage());
        } catch (RuntimeException e) {
            log.error("Assessment {} failed", assessmentId, e);
            fail(row, INTERNAL_FAILURE);
        }
    }

    /**
     * False when cancelled between two criteria (or batches). Criteria with checks, and all of them when no model is
     * pinned, one at a time; the rest in batches put to the model, each batch's findings and usage stored together.
     */
    private boolean evaluate(AssessmentRow row, List<Criterion> criteria, List<AssessedDocument> read) {
        Map<String, StoredFinding> existing = assessments.findings(row.id()).stream()
                .collect(Collectors.toMap(StoredFinding::criterionKey, f -> f));
        int done = existing.size();
        log.info("Assessment {}: evaluating {} criteria here ({} already stored)", row.id(), criteria.size(), done);
        AiEvaluation ai = row.aiProvider() == null ? null
                : models.evaluation(row.aiProvider(), row.aiModel()).orElse(null);
        if (row.aiProvider() != null && ai == null) {
            log.warn("Assessment {}: AI provider {} is no longer configured on this instance; criteria without checks "
                    + "get retrieval's passages", row.id(), row.aiProvider());
        }
        Function<Criterion, String> keys = cache.keys(read, row.asOf(), ai == null ? null : ai.modelName());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            positions.put(criteria.get(i).key(), i);
        }
        assessments.progress(row.id(), "evaluating", done, clock.instant());
        List<Criterion> forAi = new ArrayList<>();
        for (Criterion criterion : criteria) {
            if (existing.containsKey(criterion.key())) {
                continue;
            }
            if (assessments.cancelRequested(row.id())) {
                return false;
            }
            String key = keys.apply(criterion);
            Optional<String> cached = cache.lookup(row.organizationId(), key);
            if (cached.isEmpty() && AssessmentRun.needsAi(criterion, ai)) {
                forAi.add(criterion);
                continue;
            }
            String finding = cached.orElseGet(() -> json.writeValueAsString(run.assess(criterion, read, row.asOf())));
            save(row, criterion, positions, finding, key, null);
            assessments.progress(row.id(), "evaluating", ++done, clock.instant());
        }
        if (forAi.isEmpty()) {
            return true;
        }
        List<AiBatch> batches = run.planAi(forAi, read, ai);
        Set<String> batched = batches.stream().flatMap(b -> b.criteria().stream()).map(Criterion::key)
                .collect(Collectors.toSet());
        for (Criterion criterion : forAi) {
            if (!batched.contains(criterion.key())) {
                save(row, criterion, positions, json.writeValueAsString(run.assess(criterion, read, row.asOf())),
                        keys.apply(criterion), null);
                assessments.progress(row.id(), "evaluating", ++done, clock.instant());
            }
        }
        for (AiBatch batch : batches) {
            if (assessments.cancelRequested(row.id())) {
                return false;
            }
            done += evaluateBatch(row, batch, read, ai, keys, positions);
            assessments.progress(row.id(), "evaluating", done, clock.instant());
        }
        return true;
    }

    /**
     * One batch: its findings and the call's usage are stored. A provider that stays unavailable after its retries
     * leaves the batch's criteria needing review (not cached, so the next run asks again); a provider that refuses
     * the call (key, billing, a bad request) ends the assessment, by the exception.
     */
    private int evaluateBatch(AssessmentRow row, AiBatch batch, List<AssessedDocument> read, AiEvaluation ai,
            Function<Criterion, String> keys, Map<String, Integer> positions) {
        AssessmentRun.BatchResults results;
        try {
            results = run.assessBatch(batch, read, ai);
        } catch (LanguageModelException e) {
            if (e.refused()) {
                throw e;
            }
            log.warn("Assessment {}: AI provider unavailable for {} criteria ({}: {}); they need review", row.id(),
                    batch.criteria().size(), e.kind(), e.getMessage());
            for (Criterion criterion : batch.criteria()) {
                save(row, criterion, positions, json.writeValueAsString(run.unavailable(criterion, read, e)),
                        uncacheable(), null);
            }
            return batch.criteria().size();
        }
        AiOutcome outcome = results.outcome();
        TokenUsage usage = outcome.usage();
        UUID call = Ids.next();
        assessments.recordAiCall(row.id(), row.organizationId(), new Assessments.AiCall(call, outcome.model(),
                batch.criteria().stream().map(Criterion::key).toList(), outcome.calls(), usage.inputTokens(),
                usage.outputTokens(), usage.cacheWriteTokens(), usage.cacheReadTokens(), usage.usd(ai.price())),
                clock.instant());
        for (int i = 0; i < batch.criteria().size(); i++) {
            Criterion criterion = batch.criteria().get(i);
            CriterionResult result = results.results().get(i);
            save(row, criterion, positions, json.writeValueAsString(result),
                    result.source() == Source.AI ? keys.apply(criterion) : uncacheable(), call);
        }
        return batch.criteria().size();
    }

    private void save(AssessmentRow row, Criterion criterion, Map<String, Integer> positions, String finding,
            String cacheKey, UUID aiCall) {
        assessments.saveFinding(row.id(), row.organizationId(),
                new StoredFinding(criterion.key(), positions.get(criterion.key()), finding, cacheKey), aiCall,
                clock.instant());
    }

    /** A cache key no other finding has: for findings that must be made afresh next time. */
    private static String uncacheable() {
        return "uncached-" + UUID.randomUUID();
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
