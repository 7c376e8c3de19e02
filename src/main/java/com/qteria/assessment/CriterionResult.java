package com.qteria.assessment;

import com.qteria.evaluation.Confidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.CriterionFinding;
import com.qteria.evaluation.ModelUse;
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
        @JsonInclude(JsonInclude.Include.NON_NULL) ModelUse ai) {

    public CriterionResult {
        evidence = List.copyOf(evidence);
    }

    /** The machine's finding on {@code criterion}, not yet reviewed. */
    public static CriterionResult of(Criterion criterion, Finding finding) {
        return of(new CriterionFinding(criterion, finding, null, true));
    }

    /** What the pipeline made of a criterion, not yet reviewed. */
    public static CriterionResult of(CriterionFinding found) {
        Finding finding = found.finding();
        return new CriterionResult(CriterionRef.of(found.criterion()), finding.verdict(), finding.confidence(),
                finding.source(), finding.reasoning(), finding.evidence().stream().map(EvidenceView::of).toList(),
                null, found.ai());
    }
}
