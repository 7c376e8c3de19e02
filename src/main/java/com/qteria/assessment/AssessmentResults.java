package com.qteria.assessment;

import java.util.List;

/** The results of an assessment, as {@code GET /api/v1/assessments/{id}/results} and {@code assess} print them. */
public record AssessmentResults(Summary summary, List<CriterionResult> results) {

    public AssessmentResults {
        results = List.copyOf(results);
    }

    /** The results in the given order, summarised by {@link Summary#of}. */
    public static AssessmentResults of(List<CriterionResult> results) {
        return new AssessmentResults(Summary.of(results), results);
    }
}
