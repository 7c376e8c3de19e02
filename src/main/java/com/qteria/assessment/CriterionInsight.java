package com.qteria.assessment;

/**
 * How one criterion of a workflow fared over a period (API.md "Insights"); JSON {@code {assessed, passed, failed,
 * needs_review, not_applicable, overridden, feedback: {correct, incorrect}, false_pass_rate, false_fail_rate}}.
 * The definitions are {@link AssessmentInsights}'.
 *
 * @param falsePassRate incorrect feedback on machine passes / feedback on machine passes; null without such feedback
 * @param falseFailRate incorrect feedback on machine fails / feedback on machine fails; null without such feedback
 */
public record CriterionInsight(long assessed, long passed, long failed, long needsReview, long notApplicable,
        long overridden, FeedbackCounts feedback, Double falsePassRate, Double falseFailRate) {

    /** People's answers to "Was this correct?" on the criterion's results. */
    public record FeedbackCounts(long correct, long incorrect) {
    }

    /** What makes the criterion noisy: results a person had to look at or correct. */
    public long noise() {
        return needsReview + overridden;
    }
}
