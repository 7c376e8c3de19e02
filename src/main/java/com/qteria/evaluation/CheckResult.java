package com.qteria.evaluation;

import java.util.List;

/**
 * The outcome of one check of a criterion over all its routed documents: passed, failed, or undecided (the check
 * could not decide — a pattern stopped at its time budget, nothing to compare, pages without text — neither pass nor
 * fail, the criterion needs review).
 */
public sealed interface CheckResult {

    /** The check's {@code type} of API.md. */
    String type();

    /** What was found, or why it failed or could not decide, with documents and pages. */
    List<Reason> reasons();

    /** What the check found (for a failure: what is wrong, when there is something to show). */
    List<Evidence> evidence();

    /** The check passed on every routed document. */
    record Passed(String type, List<Reason> reasons, List<Evidence> evidence) implements CheckResult {
        public Passed {
            reasons = List.copyOf(reasons);
            evidence = List.copyOf(evidence);
        }
    }

    /** The check failed on at least one routed document. */
    record Failed(String type, List<Reason> reasons, List<Evidence> evidence) implements CheckResult {
        public Failed {
            reasons = List.copyOf(reasons);
            evidence = List.copyOf(evidence);
        }
    }

    /** The check could not decide. */
    record Undecided(String type, List<Reason> reasons, List<Evidence> evidence) implements CheckResult {
        public Undecided {
            reasons = List.copyOf(reasons);
            evidence = List.copyOf(evidence);
        }
    }

    static CheckResult pass(String type, List<Reason> reasons, List<Evidence> evidence) {
        return new Passed(type, reasons, evidence);
    }

    static CheckResult fail(String type, List<Reason> reasons, List<Evidence> evidence) {
        return new Failed(type, reasons, evidence);
    }

    static CheckResult undecided(String type, Reason reason, List<Evidence> evidence) {
        return new Undecided(type, List.of(reason), evidence);
    }
}
