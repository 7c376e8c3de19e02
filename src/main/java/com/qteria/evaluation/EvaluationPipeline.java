package com.qteria.evaluation;

import com.qteria.evaluation.ai.AiBatch;
import com.qteria.evaluation.ai.AiOutcome;
import com.qteria.workflow.Criterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <li>A provider that stays unavailable after its retries leaves the batch's criteria needing review with retrieval's
 *     passages and the reason, not reusable (the next run asks again); a provider that refuses the call (key,
 *     billing, a bad request) ends the run with its {@link LanguageModelException}.</li>
 * <li>Any other error while a criterion is evaluated — a check or the AI call throwing, {@code StackOverflowError}
 *     and {@code OutOfMemoryError} included — leaves that criterion (or the batch's criteria) needing review with the
 *     error named, and the run goes on: one criterion never costs the whole assessment.</li>
 * </ul>
 * Stateless and thread-safe: a bean for the server, {@code new EvaluationPipeline(new Evaluation())} for the command.
 */
@Component
public final class EvaluationPipeline {

    private static final Logger log = LoggerFactory.getLogger(EvaluationPipeline.class);

    private final Evaluation evaluation;

    public EvaluationPipeline(Evaluation evaluation) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
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
        for (AiBatch batch : batches) {
            if (request.cancelled().getAsBoolean()) {
                return false;
            }
            ask(batch, request, readable, sink);
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

    private void ask(AiBatch batch, EvaluationRequest request, List<EvaluatedDocument> readable, FindingSink sink) {
        AiEvaluation ai = request.ai();
        AiOutcome outcome;
        try {
            outcome = ai.evaluate(batch);
        } catch (LanguageModelException e) {
            if (e.refused()) {
                throw e;
            }
            if (request.cancelled().getAsBoolean()) {
                return; // stopped meanwhile (a cancel, the instance shutting down): the next run asks again
            }
            log.warn("AI provider unavailable for {} criteria ({}: {}); they need review", batch.criteria().size(),
                    e.kind(), e.getMessage());
            sink.accept(batch.criteria().stream().map(c -> unavailable(c, request.documents(), readable, e)).toList(),
                    null);
            return;
        } catch (RuntimeException | Error e) {
            if (!request.cancelled().getAsBoolean()) {
                sink.accept(stopped(batch.criteria(), request.documents(), e), null);
            }
            return;
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

    /**
     * A criterion the AI could not be asked about because the provider stayed unavailable: it needs review, with
     * retrieval's passages and the reason. Never reusable: the next run asks again.
     */
    private CriterionFinding unavailable(Criterion criterion, List<AssessedDocument> documents,
            List<EvaluatedDocument> readable, LanguageModelException e) {
        Finding retrieval = evaluation.evaluate(criterion, readable, LocalDate.EPOCH);
        Finding finding = new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.RETRIEVAL,
                List.of(new Reason.AiUnavailable(e.kind().name())), retrieval.evidence(), List.of());
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
