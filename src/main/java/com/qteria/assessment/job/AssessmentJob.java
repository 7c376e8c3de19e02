package com.qteria.assessment.job;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentEvent.AssessmentCompleted;
import com.qteria.assessment.AssessmentEvent.AssessmentFailed;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentPhase;
import com.qteria.assessment.AssessmentProgressed;
import com.qteria.assessment.AssessmentReviews;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.Summary;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.StoredResult;
import com.qteria.document.DocumentManagement;
import com.qteria.evaluation.AiCall;
import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.AiModels;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.CriterionFinding;
import com.qteria.evaluation.EvaluationPipeline;
import com.qteria.evaluation.EvaluationRequest;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.platform.jobs.WorkerShutdown;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment job, launched once every document has been read: {@code evaluating} (the {@link EvaluationPipeline},
 * each finding stored as soon as it exists, so a resumed run only does what is missing; results of earlier runs on the
 * same inputs reused; a cancel learnt from the progress update and honoured between criteria) → {@code finalizing}
 * (a re-run takes over its parent's reviews of the findings it reused, {@link AssessmentReviews#carryOver}; the
 * summary follows them). No transaction is open while evaluating: every write is its own short statement. An error in one
 * criterion leaves that criterion {@code needs_review} (the pipeline's decision); any other failure, errors such as
 * {@code StackOverflowError} and {@code OutOfMemoryError} included, ends the assessment {@code failed} with a plain
 * message and an audit entry, and releases its documents. A job that fails beyond that (its storage unreachable)
 * is retried by the job server, and ended once the server gives up on it ({@link GivenUpJobs}, or the
 * {@link AssessmentQueue}'s reaper).
 * <p>
 * While the AI provider is unavailable the pipeline waits for it (up to {@code qteria.ai.outage-deadline}); the job
 * stores that it waits, as progress ({@code waiting_for}), every few seconds, so the reaper sees it alive, and learns
 * of a cancel with the same statement.
 * <p>
 * When the instance shuts down ({@link WorkerShutdown}) the job stops between criteria, as for a cancel, and hands
 * itself back to the queue: another worker resumes it from the stored findings, without using up a retry. A failure
 * while the instance shuts down (an AI call interrupted by the job server) hands it back too: an assessment never
 * ends {@code failed} because its worker was stopped.
 */
@Component
public class AssessmentJob {

    private static final Logger log = LoggerFactory.getLogger(AssessmentJob.class);
    static final String INTERNAL_FAILURE = "The assessment stopped because of an internal error. Start it again; "
            + "if it fails again, contact your administrator with the assessment's id.";
    static final String WORKER_STOPPED = "The worker running this assessment stopped and it could not be resumed. "
            + "Start the assessment again.";

    private final Assessments assessments;
    private final WorkflowManagement workflows;
    private final AssessmentInputs inputs;
    private final EvaluationPipeline pipeline;
    private final FindingCache cache;
    private final DocumentManagement documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AiModels models;
    private final TransactionTemplate transactions;
    private final AssessmentReviews reviews;
    private final WorkerShutdown shutdown;
    private final AssessmentMetrics metrics;

    AssessmentJob(Assessments assessments, WorkflowManagement workflows, AssessmentInputs inputs,
            EvaluationPipeline pipeline, FindingCache cache, DocumentManagement documents,
            ApplicationEventPublisher events, Clock clock, AiModels models, TransactionTemplate transactions,
            AssessmentReviews reviews, WorkerShutdown shutdown, AssessmentMetrics metrics) {
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.transactions = transactions;
        this.reviews = reviews;
        this.assessments = assessments;
        this.workflows = workflows;
        this.inputs = inputs;
        this.pipeline = pipeline;
        this.cache = cache;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
        this.models = models;
    }

    @Job(name = "Assessment %0", retries = 2)
    public void run(UUID assessmentId) {
        Assessment assessment = assessments.findForJob(new AssessmentId(assessmentId)).orElse(null);
        if (assessment == null || assessment.status().finished()) {
            return;
        }
        try {
            if (assessment.cancelRequested()) {
                stopCancelled(assessment.id());
                return;
            }
            WorkflowView workflow = workflows.version(assessment.tenant(), assessment.pinned().workflow().id(),
                    assessment.pinned().workflow().version());
            List<Criterion> criteria = workflow.criteria();
            assessment.start(criteria.size(), clock.instant());
            if (!assessments.start(assessment)) {
                stopCancelled(assessment.id());
                return;
            }
            List<AssessedDocument> read = inputs.read(assessment).orElseThrow(() -> new IllegalStateException(
                    "Assessment " + assessmentId + " was launched while documents were still being read"));
            if (!evaluate(assessment, criteria, workflow.buckets(), read)) {
                if (shutdown.underway()) {
                    shutdown.handBack(assessmentId);
                } else {
                    stopCancelled(assessment.id());
                }
                return;
            }
            complete(assessment);
        } catch (RuntimeException | Error e) {
            if (shutdown.underway() && !(e instanceof VirtualMachineError)) {
                log.warn("Assessment {} stopped while this instance shuts down ({}); handing it back", assessmentId,
                        e.toString());
                shutdown.handBack(assessmentId);
                return;
            }
            failed(assessment, e);
        }
    }

    private void failed(Assessment assessment, Throwable error) {
        if (error instanceof LanguageModelException e) {
            log.error("Assessment {} failed: the AI provider refused the call ({}: {})", assessment.id(), e.kind(),
                    e.getMessage());
            fail(assessment.id(), e.plainMessage());
        } else {
            log.error("Assessment {} failed", assessment.id(), error);
            fail(assessment.id(), INTERNAL_FAILURE);
        }
    }

    /**
     * False when cancelled or the instance shuts down. Results already stored are kept, results of earlier runs on the
     * same inputs reused.
     */
    private boolean evaluate(Assessment assessment, List<Criterion> criteria, List<Bucket> buckets,
            List<AssessedDocument> read) {
        Set<String> settled = new HashSet<>(assessments.criteriaWithResults(assessment.id()));
        log.info("Assessment {}: evaluating {} criteria here ({} already stored)", assessment.id(), criteria.size(),
                settled.size());
        AiEvaluation ai = model(assessment);
        Function<Criterion, String> keys = cache.keys(read, assessment.pinned().asOf(),
                ai == null ? null : ai.modelName());
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String> keyOf = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            positions.put(criterion.key(), i);
            if (!settled.contains(criterion.key())) {
                keyOf.put(criterion.key(), keys.apply(criterion));
            }
        }
        Map<String, CriterionResult> reusable = cache.reusable(assessment.tenant(), keyOf.values());
        keyOf.forEach((criterion, key) -> Optional.ofNullable(reusable.get(key)).ifPresent(result -> {
            assessments.saveResult(assessment, new StoredResult(positions.get(criterion), result, key), null,
                    clock.instant());
            settled.add(criterion);
        }));
        AtomicBoolean cancelled = new AtomicBoolean(!report(assessment, settled.size()));
        int[] done = {settled.size()};
        boolean finished = pipeline.run(new EvaluationRequest(criteria, buckets, read, assessment.pinned().asOf(), ai,
                c -> settled.contains(c.key()), () -> cancelled.get() || shutdown.underway(),
                since -> cancelled.compareAndSet(false, !waiting(assessment, since))), (findings, call) -> {
                    store(assessment, findings, call, positions, keyOf);
                    done[0] += findings.size();
                    cancelled.compareAndSet(false, !report(assessment, done[0]));
                });
        return finished && !cancelled.get();
    }

    /** The model the assessment pinned at its start; null when none (or it is no longer configured). */
    private AiEvaluation model(Assessment assessment) {
        String provider = assessment.pinned().aiProvider();
        if (provider == null) {
            return null;
        }
        AiEvaluation ai = models.evaluation(provider, assessment.pinned().aiModel()).orElse(null);
        if (ai == null) {
            log.warn("Assessment {}: AI provider {} is no longer configured on this instance; criteria without checks "
                    + "get retrieval's passages", assessment.id(), provider);
        }
        return ai;
    }

    /** Stores findings made together, with the AI call that made them. */
    private void store(Assessment assessment, List<CriterionFinding> findings, AiCall call,
            Map<String, Integer> positions, Map<String, String> keyOf) {
        UUID callId = call == null ? null : assessments.recordAiCall(assessment,
                findings.stream().map(f -> f.criterion().key()).toList(), call, clock.instant());
        for (CriterionFinding found : findings) {
            String key = found.criterion().key();
            assessments.saveResult(assessment, new StoredResult(positions.get(key), CriterionResult.of(found),
                    found.reusable() ? keyOf.get(key) : null), callId, clock.instant());
        }
    }

    /** Reports progress; false when a cancel was asked for. */
    private boolean report(Assessment assessment, int done) {
        assessment.progress(AssessmentPhase.EVALUATING, done, clock.instant());
        boolean going = assessments.progress(assessment);
        events.publishEvent(new AssessmentProgressed(assessment.tenant(), assessment.id()));
        return going;
    }

    /**
     * Reports that the assessment waits for the AI provider (unavailable since {@code since}; null: no longer), a sign
     * of life that the reaper sees; a change is announced to its followers. False when a cancel was asked for.
     */
    private boolean waiting(Assessment assessment, java.time.Instant since) {
        boolean changed = !java.util.Objects.equals(assessment.waitingSince(), since);
        assessment.waitingForAi(since, clock.instant());
        boolean going = assessments.progress(assessment);
        if (changed) {
            events.publishEvent(new AssessmentProgressed(assessment.tenant(), assessment.id()));
        }
        return going;
    }

    private void complete(Assessment assessment) {
        assessment.progress(AssessmentPhase.FINALIZING, assessment.total(), clock.instant());
        assessments.progress(assessment);
        Summary summary = Summary.of(reviews.carryOver(assessment));
        assessment.complete(summary, clock.instant());
        if (endedAndPublished(() -> assessments.complete(assessment), new AssessmentCompleted(assessment.tenant(),
                "system", assessment.id(), summary.overall().json()))) {
            metrics.finished(AssessmentStatus.COMPLETED, assessment.pinned().createdAt(), assessment.finishedAt());
            documents.release(assessment.id().value());
        }
    }

    /** Running with a cancel asked for → cancelled, as stored now (this worker's copy may be older). */
    private void stopCancelled(AssessmentId id) {
        Assessment current = assessments.findForJob(id).orElse(null);
        if (current == null || current.status() != AssessmentStatus.RUNNING || !current.cancelRequested()) {
            return;
        }
        current.cancelled(clock.instant());
        if (assessments.cancelled(current)) {
            metrics.finished(AssessmentStatus.CANCELLED, current.pinned().createdAt(), current.finishedAt());
            documents.release(id.value());
            events.publishEvent(new AssessmentProgressed(current.tenant(), id));
        }
    }

    /** Ends an assessment no worker will finish: {@code cancelled} when a cancel was asked for, else {@code failed}. */
    void abandon(AssessmentId id, String error) {
        stopCancelled(id);
        fail(id, error);
    }

    /** Ends the assessment {@code failed}, unless it has ended meanwhile (as stored now). */
    void fail(AssessmentId id, String error) {
        Assessment current = assessments.findForJob(id).orElse(null);
        if (current == null || current.status().finished()) {
            return;
        }
        current.fail(error, clock.instant());
        if (endedAndPublished(() -> assessments.fail(current), new AssessmentFailed(current.tenant(), "system", id,
                error))) {
            metrics.finished(AssessmentStatus.FAILED, current.pinned().createdAt(), current.finishedAt());
            documents.release(id.value());
        }
    }

    /**
     * Stores the end and publishes its event in one short transaction: the event's listeners that act after the
     * commit (the e-mail to whoever started it) only run for an event published inside a transaction, and they learn
     * of the end only once it is stored. False when the assessment had ended meanwhile (nothing published).
     */
    private boolean endedAndPublished(BooleanSupplier end, Object event) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            boolean ended = end.getAsBoolean();
            if (ended) {
                events.publishEvent(event);
            }
            return ended;
        }));
    }
}
