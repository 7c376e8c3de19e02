package com.qteria.assessment;

import com.qteria.evaluation.ReasonText;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The results of an assessment, as {@code GET /api/v1/assessments/{id}/results} and {@code assess} print them. */
public record AssessmentResults(Summary summary, List<CriterionResult> results) {

    public AssessmentResults {
        results = List.copyOf(results);
    }

    /** The results in the given order, summarised by {@link Summary#of}. */
    public static AssessmentResults of(List<CriterionResult> results) {
        return new AssessmentResults(Summary.of(results), results);
    }

    /** For a reader: each reasoning said in {@code locale}, buckets by {@code bucketName}. */
    public AssessmentResults rendered(ReasonText text, Locale locale, Function<String, String> bucketName) {
        return new AssessmentResults(summary, results.stream().map(r -> r.rendered(text, locale, bucketName)).toList());
    }
}
