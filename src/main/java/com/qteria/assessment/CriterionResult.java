package com.qteria.assessment;

import com.qteria.evaluation.Confidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.PagesSent;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Criterion;
import java.util.List;

/**
 * The verdict on one criterion with its evidence, as the results JSON shows it.
 *
 * @param review a reviewer's decision; always null until human review exists
 */
public record CriterionResult(CriterionRef criterion, Verdict verdict, Confidence confidence, Source source,
        String reasoning, List<EvidenceView> evidence, Object review,
        @JsonInclude(JsonInclude.Include.NON_NULL) AiContext ai) {

    public CriterionResult {
        evidence = List.copyOf(evidence);
    }

    /** The machine's finding on {@code criterion}, not yet reviewed. */
    public static CriterionResult of(Criterion criterion, Finding finding) {
        return of(criterion, finding, null);
    }

    /** The machine's finding, with the model that was asked (null when no model was). */
    public static CriterionResult of(Criterion criterion, Finding finding, AiContext ai) {
        return new CriterionResult(CriterionRef.of(criterion), finding.verdict(), finding.confidence(),
                finding.source(), finding.reasoning(), finding.evidence().stream().map(EvidenceView::of).toList(),
                null, ai);
    }

    /**
     * The model a criterion was put to, and which pages it saw.
     *
     * @param pagesSent the pages sent per document when the documents exceeded the context budget; null when the
     *                  model saw every page
     */
    public record AiContext(String model, List<PagesSent> pagesSent) {
    }
}
