package com.qteria.evaluation;

import java.util.List;

/**
 * The evaluation of one criterion: its verdict, how sure, from what, why, and the evidence.
 *
 * @param reasons why, in order; {@link ReasonText} says them in the reader's language
 * @param checks  the result of each check (empty for criteria without checks)
 */
public record Finding(String criterionKey, Verdict verdict, Confidence confidence, Source source, List<Reason> reasons,
        List<Evidence> evidence, List<CheckResult> checks) {

    private static final ReasonText ENGLISH = ReasonText.standalone();

    public Finding {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        checks = List.copyOf(checks);
    }

    /** The reasons in English, one per line, buckets by key. */
    public String reasoning() {
        return ENGLISH.english(reasons);
    }
}
