package com.qteria.evaluation;

import com.qteria.evaluation.ai.AiBatch;
import com.qteria.evaluation.ai.AiOutcome;
import com.qteria.evaluation.ai.BatchEvaluator;
import com.qteria.evaluation.ai.GuardedModel;
import java.time.Duration;
import com.qteria.workflow.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Plain-language criteria judged by a language model, with the server verifying every quote. Criteria with checks are
 * never given here: checks decide them.
 * <p>
 * Batching: criteria routed to the same documents share a call, at most {@code batchSize} of them, so the documents
 * are sent once per batch. When several batches send the same documents in full, they are marked for the provider's
 * prompt cache and paid in full once per assessment; a batch alone, or batches that each send the pages retrieval
 * chose for their own criteria (different prefixes), are not marked, as a cache write costs more than plain input.
 * Stateless apart from the model it was given; thread-safe.
 */
public final class AiEvaluation {

    private final LanguageModel model;
    private final Evaluation evaluation;
    private final AiSettings settings;
    private final BatchEvaluator evaluator;

    public AiEvaluation(LanguageModel model, Evaluation evaluation, AiSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.evaluator = new BatchEvaluator(model, evaluation, settings.contextBudgetTokens(),
                settings.maxOutputTokens());
    }

    /** {@link LanguageModel#name()} of the model, e.g. {@code anthropic/claude-sonnet-5-5}. */
    public String modelName() {
        return model.name();
    }

    public ModelPrice price() {
        return settings.price();
    }

    /** How long a run waits for an unavailable provider before the criteria concerned need review. */
    public Duration outageDeadline() {
        return settings.outageDeadline();
    }

    /**
     * How long a run waiting for an unavailable provider waits between two tries: the time the circuit breaker stays
     * open, so that the next try is one of its probe calls.
     */
    public Duration outageRetry() {
        return GuardedModel.OPEN_FOR;
    }

    /**
     * The calls to make for {@code criteria} (those without checks): grouped by the documents they are routed to, in
     * the order of the criteria, at most {@code batchSize} each. Criteria routed to no document are left out (there is
     * nothing to ask about; {@link Evaluation#evaluate} says so).
     */
    public List<AiBatch> plan(List<Criterion> criteria, List<EvaluatedDocument> documents) {
        Map<List<UUID>, List<Criterion>> groups = new LinkedHashMap<>();
        Map<List<UUID>, List<EvaluatedDocument>> routedBy = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            List<EvaluatedDocument> routed = evaluation.route(criterion, documents);
            if (routed.isEmpty()) {
                continue;
            }
            List<UUID> ids = routed.stream().map(EvaluatedDocument::id).toList();
            groups.computeIfAbsent(ids, k -> new ArrayList<>()).add(criterion);
            routedBy.putIfAbsent(ids, routed);
        }
        List<AiBatch> batches = new ArrayList<>();
        groups.forEach((ids, group) -> {
            for (int from = 0; from < group.size(); from += settings.batchSize()) {
                batches.add(new AiBatch(group.subList(from, Math.min(group.size(), from + settings.batchSize())),
                        routedBy.get(ids), group.size() > settings.batchSize()
                                && BatchEvaluator.sendsEveryPage(routedBy.get(ids), settings.contextBudgetTokens())));
            }
        });
        return batches;
    }

    /**
     * One batch: one call, and one more to repair an answer that was malformed or incomplete.
     *
     * @throws LanguageModelException when the provider failed beyond its retries, or refused the call
     */
    public AiOutcome evaluate(AiBatch batch) {
        return evaluator.evaluate(batch);
    }
}
