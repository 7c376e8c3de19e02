package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Severity;
import java.util.List;

/**
 * How an assessment came out as a whole; JSON {@code {overall, passed, failed, needs_review, not_applicable, total}}.
 * <p>
 * The overall verdict (API.md, PRODUCT.md "Verdict semantics"):
 * <ol>
 * <li>{@code fail} when a <em>required</em> criterion failed;</li>
 * <li>else {@code needs_review} when any criterion, required or advisory, needs review;</li>
 * <li>else {@code pass}.</li>
 * </ol>
 * Decision: an advisory criterion that <em>failed</em> is counted in {@code failed} and shown, but leaves the overall
 * verdict {@code pass}. "Advisory criteria never fail the whole": an advisory rule is a recommendation to the
 * client, and its failure is a settled finding, not an open question, so turning it into {@code needs_review} would
 * ask a reviewer to decide something already decided and make "needs review" mean two things. An advisory criterion
 * that <em>needs review</em> does make the whole need review, as the contract says ("if one needs review"): until
 * someone has looked, the package has not been fully checked. A {@code not_applicable} criterion is counted in
 * {@code not_applicable} only (and in {@code total}) and never affects the overall verdict. An assessment without any
 * applicable criterion is never a pass ({@code needs_review}): a pass must rest on something. A summary stored before
 * {@code not_applicable} existed reads as none.
 */
public record Summary(Verdict overall, int passed, int failed, int needsReview,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int notApplicable, int total) {

    public static Summary of(List<CriterionResult> results) {
        int passed = count(results, Verdict.PASS);
        int failed = count(results, Verdict.FAIL);
        int needsReview = count(results, Verdict.NEEDS_REVIEW);
        int notApplicable = count(results, Verdict.NOT_APPLICABLE);
        boolean requiredFailed = results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL
                && r.criterion().severity() != Severity.ADVISORY);
        Verdict overall = requiredFailed ? Verdict.FAIL
                : needsReview > 0 || results.size() == notApplicable ? Verdict.NEEDS_REVIEW
                : Verdict.PASS;
        return new Summary(overall, passed, failed, needsReview, notApplicable, results.size());
    }

    private static int count(List<CriterionResult> results, Verdict verdict) {
        return (int) results.stream().filter(r -> r.verdict() == verdict).count();
    }
}
