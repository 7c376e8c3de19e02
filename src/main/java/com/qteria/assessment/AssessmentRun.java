package com.qteria.assessment;

import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.EvaluationPipeline;
import com.qteria.evaluation.EvaluationRequest;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment run in memory, for the {@code assess} command: the {@link EvaluationPipeline} the server's job runs,
 * with a sink that collects the results in the workflow's order. No storage, no reuse, no cancellation.
 */
public final class AssessmentRun {

    private AssessmentRun() {
    }

    /**
     * Every criterion, in order, criteria without checks put to {@code ai} in batches; {@code ai} null: no model,
     * criteria without checks get retrieval's passages. {@code buckets} (the workflow's) tell which criteria are not
     * applicable.
     *
     * @throws LanguageModelException when the provider refused the calls (key, billing…): the assessment cannot go on
     */
    public static AssessmentResults assess(EvaluationPipeline pipeline, List<Criterion> criteria, List<Bucket> buckets,
            List<AssessedDocument> documents, LocalDate asOf, AiEvaluation ai) {
        Map<String, CriterionResult> results = new HashMap<>();
        pipeline.run(EvaluationRequest.of(criteria, buckets, documents, asOf, ai),
                (findings, call) -> findings.forEach(f -> results.put(f.criterion().key(), CriterionResult.of(f))));
        return AssessmentResults.of(criteria.stream().map(c -> results.get(c.key())).toList());
    }

    /**
     * The keys of required buckets without any document (the API's {@code MISSING_REQUIRED_BUCKETS}), in the
     * workflow's order.
     */
    public static List<String> missingRequiredBuckets(List<Bucket> buckets, Collection<String> givenBuckets) {
        return buckets.stream().filter(Bucket::required).map(Bucket::key)
                .filter(key -> !givenBuckets.contains(key)).toList();
    }
}
