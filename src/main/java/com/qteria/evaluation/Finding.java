package com.qteria.evaluation;

import java.util.List;

/**
 * The evaluation of one criterion: its verdict, how sure, from what, why, and the evidence.
 *
 * @param checks the result of each check (empty for criteria without checks)
 */
public record Finding(String criterionKey, Verdict verdict, Confidence confidence, Source source, String reasoning,
        List<Evidence> evidence, List<CheckResult> checks) {

    public Finding {
        evidence = List.copyOf(evidence);
        checks = List.copyOf(checks);
    }
}
