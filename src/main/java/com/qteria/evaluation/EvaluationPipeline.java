package com.qteria.evaluation;

import com.qteria.evaluation.ai.AiBatch;
import com.qteria.evaluation.ai.AiOutcome;
import com.qteria.workflow.Criterion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one evaluation pipeline, for the server's job and the {@code assess} command alike: criteria with checks (and
 * all of them without a model) one at a time, then the criteria without checks put to the model in batches. Each
 * finding goes to the {@link FindingSink} as soon as it exists; the request says what to skip and when to stop.
 * <p>
 * Decisions:
 * <ul>
 * <li>A criterion that is not applicable (its buckets all optional and empty, {@link Evaluation#notApplicable}) is
 *     settled first, without checks, retrieval or a model.</li>
 * <li>A criterion routed to a document that could not be read — rejected as a whole, or with pages whose content
 *     is unknown (no text layer, no OCR) — is never passed or failed: it needs review, with low confidence, the
 *     reason first in its reasoning and whatever evidence the readable documents gave. Unread text can prove neither
 *     presence nor absence (a {@code not_contains} check would pass on an empty page: a false pass), and a package
 *     with an unreadable document has to go back to a person anyway.</li>
 * <li>A provider that is unavailable — its retries used up, or its circuit breaker open after failures of any
 *     assessment — is waited for: the run tries the batch again every {@link AiEvaluation#outageRetry()} (when the
 *     breaker lets probe calls through), telling the request it waits ({@link EvaluationRequest#waiting()}, the
 *     assessment shows it), until the provider answers or {@link AiEvaluation#outageDeadline()} has passed since it
 *     became unavailable. Only then do the batch's criteria need review, with retrieval's passages and the reason
 *     (how long it waited), not reusable (the next run asks again); later batches of the run try once each while the
 *     provider stays down (no second wait), and a call that succeeds ends the outage. A cancel, or the instance
 *     shutting down, ends the wait within a fraction of a second. A provider that refuses the call (key, billing, a
 *     bad request) ends the run with its {@link LanguageModelException}.</li>
 * <li>Any other error while a criterion is evaluated — a check or the AI call throwing, {@code StackOverflowError}
 *     and {@code OutOfMemoryError} included — leaves that criterion (or the batch's criteria) needing review with the
 *     error named, and the run goes on: one criterion never costs the whole assessment.</li>
 * </ul>
 * Stateless and thread-safe: a bean for the server, {@code new EvaluationPipeline(new Evaluation())} for the command.
 * Waits are measured by the clock it was given (in short real sleeps, so that a test's clock can drive them).
 */
@Component
public final class EvaluationPipeline {

    private static final Logger log = LoggerFactory.getLogger(EvaluationPipeline.class);

    /** How often a wait looks at the clock and the cancellation. */
    private static final Duration POLL = Duration.ofMillis(200);
    /** How often a wait tells the request it still waits (the assessment's sign of life). */
    static final Duration WAIT_BEAT = Duration.ofSeconds(5);

    private final Evaluation evaluation;
    private final Clock clock;

    /** Waits measured by the system clock (the command line). */
    public EvaluationPipeline(Evaluation evaluation) {
        this(evaluation, Clock.systemUTC());
    }

    @Autowired
    public EvaluationPipeline(Evaluation evaluation, Clock clock) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A run's view of the AI provider's outage: since when it is unavailable, and whether the run gave up waiting. */
    private static final class Outage {
        Instant since;
        boolean overdue;
        /** The last failure the provider itself gave (not the breaker's refusal, which says nothing of why). */
        LanguageModelException.Kind cause;
    }

    /**
     * Evaluates every criterion the request does not skip, handing each finding to {@code sink}.
     *
     * @return false when the request's cancellation stopped the run; an AI call that failed once it was cancelled
     *         (interrupted by a shutdown) stores nothing, so its criteria are asked again by the next run
     * @throws LanguageModelException when the provider refused the calls (key, billing…): the run cannot go on
     */
    public boolean run(EvaluationRequest request, FindingSink sink) {
        List<EvaluatedDocument> readable = readable(request.documents());
        List<Criterion> forAi = new ArrayList<>();
        for (Criterion criterion : request.criteria()) {
            if (request.skip().test(criterion)) {
                continue;
            }
            Finding notApplicable = evaluation.notApplicable(criterion, request.buckets(), request.documents());
            if (notApplicable != null) {
                sink.accept(List.of(new CriterionFinding(criterion, notApplicable, null, true)), null);
                continue;
            }
            if (needsAi(criterion, request.ai())) {
                forAi.add(criterion);
                continue;
            }
            if (request.cancelled().getAsBoolean()) {
                return false;
            }
            sink.accept(List.of(withoutModel(criterion, request, readable)), null);
        }
        if (forAi.isEmpty()) {
            return true;
        }
        List<AiBatch> batches = request.ai().plan(forAi, readable);
        Set<String> batched = batches.stream().flatMap(b -> b.criteria().stream()).map(Criterion::key)
                .collect(Collectors.toSet());
        for (Criterion criterion : forAi) {
            if (!batched.contains(criterion.key())) {
                if (request.cancelled().getAsBoolean()) {
                    return false;
                }
                sink.accept(List.of(withoutModel(criterion, request, readable)), null);
            }
        }
        Outage outage = new Outage();
        for (AiBatch batch : batches) {
            if (request.cancelled().getAsBoolean()) {
                return false;
            }
            ask(batch, request, readable, sink, outage);
        }
        return !request.cancelled().getAsBoolean();
    }

    /** Whether the criterion is for the AI: it has no checks and a model is given. */
    private static boolean needsAi(Criterion criterion, AiEvaluation ai) {
        return ai != null && (criterion.checks() == null || criterion.checks().isEmpty());
    }

    /** By its checks or, without checks, by retrieval; needs review when an error stopped them. */
    private CriterionFinding withoutModel(Criterion criterion, EvaluationRequest request,
            List<EvaluatedDocument> readable) {
        Finding finding;
        try {
            finding = evaluation.evaluate(criterion, readable, request.asOf());
        } catch (RuntimeException | Error e) {
            return stopped(List.of(criterion), request.documents(), e).getFirst();
        }
        return new CriterionFinding(criterion, unlessUnread(criterion, finding, request.documents()), null, true);
    }

    private void ask(AiBatch batch, EvaluationRequest request, List<EvaluatedDocument> readable, FindingSink sink,
            Outage outage) {
        AiEvaluation ai = request.ai();
        AiOutcome outcome = null;
        while (outcome == null) {
            try {
                outcome = ai.evaluate(batch);
            } catch (LanguageModelException e) {
                if (e.refused()) {
                    throw e;
                }
                if (request.cancelled().getAsBoolean()) {
                    return; // stopped meanwhile (a cancel, the instance shutting down): the next run asks again
                }
                Instant now = clock.instant();
                if (outage.since == null) {
                    outage.since = now;
                }
                if (e.kind() != LanguageModelException.Kind.UNAVAILABLE || outage.cause == null) {
                    outage.cause = e.kind();
                }
                Instant deadline = outage.since.plus(ai.outageDeadline());
                if (outage.overdue || !now.isBefore(deadline)) {
                    giveUp(batch, request, readable, sink, outage, e, now);
                    return;
                }
                log.warn("AI provider unavailable ({}: {}); waiting for it, at most until {}", e.kind(),
                        e.getMessage(), deadline);
                Instant next = now.plus(ai.outageRetry());
                if (!pause(next.isBefore(deadline) ? next : deadline, outage.since, request)) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                if (!request.cancelled().getAsBoolean()) {
                    sink.accept(stopped(batch.criteria(), request.documents(), e), null);
                }
                return;
            }
        }
        if (outage.since != null) {
            log.info("AI provider available again after {}", Duration.between(outage.since, clock.instant()));
            outage.since = null;
            outage.overdue = false;
            outage.cause = null;
            request.waiting().accept(null);
        }
        ModelUse use = new ModelUse(outcome.model(), outcome.pagesSent());
        List<CriterionFinding> findings = new ArrayList<>();
        for (int i = 0; i < batch.criteria().size(); i++) {
            Criterion criterion = batch.criteria().get(i);
            Finding finding = outcome.findings().get(i);
            findings.add(new CriterionFinding(criterion, unlessUnread(criterion, finding, request.documents()), use,
                    finding.source() == Source.AI));
        }
        sink.accept(findings, new AiCall(outcome.model(), outcome.calls(), outcome.usage(),
                outcome.usage().usd(ai.price())));
    }

    /** The provider stayed unavailable past the deadline: the batch's criteria need review, the run goes on. */
    private void giveUp(AiBatch batch, EvaluationRequest request, List<EvaluatedDocument> readable, FindingSink sink,
            Outage outage, LanguageModelException e, Instant now) {
        Duration waited = Duration.between(outage.since, now);
        if (!outage.overdue && !request.ai().outageDeadline().isZero()) {
            request.waiting().accept(null);
        }
        outage.overdue = true;
        log.warn("AI provider unavailable for {} ({}: {}); {} criteria need review", waited, e.kind(), e.getMessage(),
                batch.criteria().size());
        Duration deadline = request.ai().outageDeadline();
        Integer minutes = deadline.isZero() ? null : (int) Math.max(1, (deadline.toSeconds() + 59) / 60);
        sink.accept(batch.criteria().stream()
                .map(c -> unavailable(c, request.documents(), readable, new Reason.AiUnavailable(
                        outage.cause.name(), minutes))).toList(), null);
    }

    /**
     * Waits until {@code until} by the clock, telling the request it waits; false when the run was cancelled meanwhile.
     *
     * @throws IllegalStateException the thread was interrupted (the job server stopping it)
     */
    private boolean pause(Instant until, Instant since, EvaluationRequest request) {
        request.waiting().accept(since);
        Instant beat = clock.instant();
        while (true) {
            if (request.cancelled().getAsBoolean()) {
                return false;
            }
            Instant now = clock.instant();
            if (!now.isBefore(until)) {
                return true;
            }
            if (!now.isBefore(beat.plus(WAIT_BEAT))) {
                request.waiting().accept(since);
                beat = now;
            }
            Duration left = Duration.between(now, until);
            try {
                Thread.sleep(left.compareTo(POLL) < 0 ? left : POLL);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the AI provider", interrupted);
            }
        }
    }

    /**
     * A criterion the AI could not be asked about because the provider stayed unavailable: it needs review, with
     * retrieval's passages and the reason. Never reusable: the next run asks again.
     */
    private CriterionFinding unavailable(Criterion criterion, List<AssessedDocument> documents,
            List<EvaluatedDocument> readable, Reason reason) {
        Finding retrieval = evaluation.evaluate(criterion, readable, LocalDate.EPOCH);
        Finding finding = new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.RETRIEVAL,
                List.of(reason), retrieval.evidence(), List.of());
        return new CriterionFinding(criterion, unlessUnread(criterion, finding, documents), null, false);
    }

    /**
     * Criteria whose evaluation an error stopped (a check, or the AI call: a stack overflow, memory running out, a
     * bug): they need review with the error named, never pass, and are not reusable (the next run evaluates them
     * again); the other criteria and the run go on.
     */
    private static List<CriterionFinding> stopped(List<Criterion> criteria, List<AssessedDocument> documents,
            Throwable error) {
        log.error("The evaluation of {} stopped with an error; they need review",
                criteria.stream().map(Criterion::key).toList(), error);
        Reason reason = new Reason.EvaluationStopped(error.getClass().getSimpleName());
        return criteria.stream().map(c -> new CriterionFinding(c, unlessUnread(c, new Finding(c.key(),
                Verdict.NEEDS_REVIEW, Confidence.LOW, c.checks() == null || c.checks().isEmpty() ? Source.RETRIEVAL
                : Source.CHECKS, List.of(reason), List.of(), List.of()), documents), null, false)).toList();
    }

    private static List<EvaluatedDocument> readable(List<AssessedDocument> documents) {
        return documents.stream()
                .filter(d -> d instanceof AssessedDocument.Read)
                .map(d -> ((AssessedDocument.Read) d).document())
                .toList();
    }

    /** The finding; needs review with the reason first when a routed document was not (fully) read. */
    private static Finding unlessUnread(Criterion criterion, Finding finding, List<AssessedDocument> documents) {
        List<Reason> unreadable = documents.stream()
                .filter(d -> routes(criterion, d.bucket()))
                .map(EvaluationPipeline::unreadable)
                .filter(Objects::nonNull)
                .toList();
        if (unreadable.isEmpty()) {
            return finding;
        }
        List<Reason> reasons = new ArrayList<>(unreadable);
        reasons.addAll(finding.reasons());
        return new Finding(finding.criterionKey(), Verdict.NEEDS_REVIEW, Confidence.LOW, finding.source(), reasons,
                finding.evidence(), finding.checks());
    }

    private static boolean routes(Criterion criterion, String bucket) {
        return criterion.appliesTo() != null
                && (criterion.appliesToAllBuckets() || criterion.appliesTo().contains(bucket));
    }

    /** Why (part of) the document could not be read, or null when all of it was. */
    private static Reason unreadable(AssessedDocument document) {
        return switch (document) {
            case AssessedDocument.Rejected rejected -> new Reason.Unreadable(rejected.name(), rejected.reason());
            case AssessedDocument.Read read when !read.unreadPages().isEmpty() ->
                    new Reason.UnreadPages(read.name(), read.unreadPages());
            case AssessedDocument.Read read -> null;
        };
    }
}
