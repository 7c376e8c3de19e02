package com.qteria.evaluation;

import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What one {@link EvaluationPipeline} run evaluates.
 *
 * @param criteria  in the workflow's order
 * @param buckets   the workflow's buckets: which are optional, for criteria that are not applicable
 * @param documents the documents given per bucket, read or rejected
 * @param asOf      the assessment date that {@code date_not_older} counts from
 * @param ai        the model criteria without checks are put to; null: none (retrieval's passages instead)
 * @param skip      criteria not to evaluate (already stored, or reused from an earlier run)
 * @param cancelled asked before each criterion and each AI batch, after a failed AI call and while waiting for the AI
 *                  provider; true stops the run
 * @param waiting   told while the run waits for an unavailable AI provider: the instant it became unavailable, again
 *                  every few seconds (a sign of life), and {@code null} once the wait is over
 */
public record EvaluationRequest(List<Criterion> criteria, List<Bucket> buckets, List<AssessedDocument> documents, LocalDate asOf,
        AiEvaluation ai, Predicate<Criterion> skip, BooleanSupplier cancelled, Consumer<Instant> waiting) {

    /** Without being told of waits. */
    public EvaluationRequest(List<Criterion> criteria, List<Bucket> buckets, List<AssessedDocument> documents,
            LocalDate asOf, AiEvaluation ai, Predicate<Criterion> skip, BooleanSupplier cancelled) {
        this(criteria, buckets, documents, asOf, ai, skip, cancelled, null);
    }

    public EvaluationRequest {
        criteria = List.copyOf(criteria);
        buckets = List.copyOf(buckets);
        documents = List.copyOf(documents);
        Objects.requireNonNull(asOf, "asOf");
        skip = skip == null ? criterion -> false : skip;
        cancelled = cancelled == null ? () -> false : cancelled;
        waiting = waiting == null ? since -> { } : waiting;
    }

    /** Every criterion, no cancellation: the command line. */
    public static EvaluationRequest of(List<Criterion> criteria, List<Bucket> buckets,
            List<AssessedDocument> documents, LocalDate asOf, AiEvaluation ai) {
        return new EvaluationRequest(criteria, buckets, documents, asOf, ai, null, null);
    }
}
