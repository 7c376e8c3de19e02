package com.qteria.evaluation;

import java.util.List;

/**
 * The outcome of one check of a criterion over all its routed documents.
 *
 * @param type         the check's {@code type} of API.md
 * @param passed       the check passed on every routed document
 * @param explanation  what was found, or why it failed, in plain words with documents and pages
 * @param evidence     what the check found (for a failure: what is wrong, when there is something to show)
 * @param inconclusive the check could not decide (pattern stopped at its time budget, nothing to compare, pages
 *                     without text): neither pass nor fail, the criterion needs review
 */
public record CheckResult(String type, boolean passed, String explanation, List<Evidence> evidence,
        boolean inconclusive) {

    public CheckResult {
        evidence = List.copyOf(evidence);
        if (passed && inconclusive) {
            throw new IllegalArgumentException("a check cannot both pass and be inconclusive");
        }
    }

    public static CheckResult pass(String type, String explanation, List<Evidence> evidence) {
        return new CheckResult(type, true, explanation, evidence, false);
    }

    public static CheckResult fail(String type, String explanation, List<Evidence> evidence) {
        return new CheckResult(type, false, explanation, evidence, false);
    }

    public static CheckResult undecided(String type, String explanation, List<Evidence> evidence) {
        return new CheckResult(type, false, explanation, evidence, true);
    }

    /** Failed, and decidedly so. */
    public boolean failed() {
        return !passed && !inconclusive;
    }
}
