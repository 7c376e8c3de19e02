package com.qteria.assessment;

import java.util.List;

/**
 * A completed assessment as a file to keep or pass on ({@code GET /api/v1/assessments/{id}/report.json}): the results
 * document of {@code …/results} ({@code summary}, {@code results}) with the assessment itself and the documents it
 * read, each with the file name and SHA-256 fingerprint pinned when it started, so a recipient can check the files.
 */
public record AssessmentReport(AssessmentView assessment, List<AssessedDocument> documents, Summary summary,
        List<CriterionResult> results) {

    public AssessmentReport {
        documents = List.copyOf(documents);
        results = List.copyOf(results);
    }
}
