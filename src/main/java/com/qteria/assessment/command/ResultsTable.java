package com.qteria.assessment.command;

import com.qteria.assessment.AssessmentResults;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.EvidenceView;
import com.qteria.assessment.Summary;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.WorkflowView;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The results as a table for people ({@code --format text}): one row per criterion (key, severity, verdict,
 * confidence), then its name, why (for what did not pass) and its evidence as {@code file · p. N “quote”}.
 */
final class ResultsTable {

    private static final int QUOTE = 120;
    private static final int REASONING_LINES = 4;

    private ResultsTable() {
    }

    static String render(WorkflowView workflow, LocalDate asOf, AssessmentResults results) {
        int width = Math.max("CRITERION".length(),
                results.results().stream().mapToInt(r -> r.criterion().key().length()).max().orElse(0));
        String row = "%-" + width + "s  %-8s  %-14s  %s%n";
        StringBuilder text = new StringBuilder();
        text.append(workflow.name()).append(" · as of ").append(asOf).append('\n');
        text.append(summary(results.summary())).append("\n\n");
        text.append(String.format(Locale.ROOT, row, "CRITERION", "SEVERITY", "VERDICT", "CONFIDENCE"));
        for (CriterionResult result : results.results()) {
            text.append(String.format(Locale.ROOT, row, result.criterion().key(), result.criterion().severity().key(),
                    verdict(result.verdict()), result.confidence().json()));
            text.append("    ").append(result.criterion().name()).append('\n');
            if (result.verdict() != Verdict.PASS && result.reasoning() != null) {
                Arrays.stream(result.reasoning().split("\n")).limit(REASONING_LINES)
                        .forEach(line -> text.append("    why: ").append(oneLine(line)).append('\n'));
            }
            result.evidence().forEach(e -> text.append("    ").append(evidence(e)).append('\n'));
        }
        return text.toString().stripTrailing();
    }

    private static String summary(Summary summary) {
        return "Overall: " + verdict(summary.overall()) + " — " + summary.passed() + " passed, " + summary.failed()
                + " failed, " + summary.needsReview() + " need review, " + summary.notApplicable() + " not applicable, of "
                + summary.total() + " criteria";
    }

    private static String verdict(Verdict verdict) {
        return verdict.json().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    private static String evidence(EvidenceView e) {
        if (e.digitalSignature()) {
            return e.documentName() + " · p. " + e.page() + " " + e.inWords();
        }
        String quote = oneLine(e.quote() == null ? "" : e.quote());
        if (quote.length() > QUOTE) {
            quote = quote.substring(0, QUOTE - 1) + "…";
        }
        return e.documentName() + " · p. " + e.page() + (e.closestMatch() ? " closest match" : "") + " \u201c" + quote
                + "\u201d" + (e.verified() ? "" : " (unverified)");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
