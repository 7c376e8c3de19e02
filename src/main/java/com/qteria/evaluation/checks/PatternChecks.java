package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Check;
import com.qteria.workflow.SafePattern;
import com.qteria.workflow.SafePattern.PatternTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code matches} and {@code same_value}: the process manager's pattern, always through {@link SafePattern} (RE2/J in
 * linear time, or java.util.regex under a time budget for lookaround), on {@link Form#PATTERNS} text — normalised
 * like phrases but with case kept, so that {@code [A-Z]} keeps its meaning. A pattern stopped at its budget, or one
 * that does not compile, makes the check inconclusive (needs review), never a pass or a fail.
 */
final class PatternChecks {

    static final Duration BUDGET = Duration.ofSeconds(2);

    private PatternChecks() {
    }

    /** One match: where, and the text of group 1 when asked for. */
    private record Match(DocumentText document, int page, NormalizedText text, Span span, String value) {
    }

    static CheckResult matches(Check.Matches check, List<DocumentText> documents) {
        int needed = check.minCount() == null ? 1 : check.minCount();
        SafePattern pattern;
        try {
            pattern = SafePattern.compile(check.pattern());
        } catch (IllegalArgumentException e) {
            return CheckResult.undecided(check.type(), "the pattern is not valid: " + e.getMessage(), List.of());
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            List<Match> found;
            try {
                found = all(pattern, document, 0);
            } catch (PatternTimeoutException e) {
                return CheckResult.undecided(check.type(), "the pattern took too long on " + document.name()
                        + " and was stopped", evidence);
            }
            found.stream().limit(3).forEach(m -> evidence.add(document.quoteLine(m.page(), m.text(), m.span())));
            String count = found.size() == 1 ? "once" : found.size() + " times";
            if (found.size() < needed) {
                failures.add("pattern " + check.pattern() + " matched " + (found.isEmpty() ? "nowhere" : count)
                        + " in " + document.name() + (needed > 1 ? " (at least " + needed + " needed)" : "")
                        + Words.unread(document));
            } else {
                passes.add(count + " in " + document.name() + " (" + Words.pages(evidence, document) + ")");
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), "pattern " + check.pattern() + " matched " + String.join("; ", passes), evidence)
                : CheckResult.fail(check.type(), String.join("; ", failures), evidence);
    }

    /**
     * Decision: every capture of group 1 in every routed document of the {@code across} buckets is compared (after
     * trimming and collapsing white space, case kept); a bucket without any routed document makes the check
     * inconclusive (nothing to compare), a document without a capture makes it fail.
     */
    static CheckResult sameValue(Check.SameValue check, List<DocumentText> documents) {
        SafePattern pattern;
        try {
            pattern = SafePattern.compile(check.pattern());
        } catch (IllegalArgumentException e) {
            return CheckResult.undecided(check.type(), "the pattern is not valid: " + e.getMessage(), List.of());
        }
        if (pattern.groupCount() < 1) {
            return CheckResult.undecided(check.type(), "the pattern has no capture group", List.of());
        }
        List<String> across = check.across() == null ? List.of() : check.across();
        List<String> emptyBuckets = across.stream()
                .filter(b -> documents.stream().noneMatch(d -> d.document().bucket().equals(b))).toList();
        List<Evidence> evidence = new ArrayList<>();
        Map<String, List<String>> valuesWhere = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (DocumentText document : documents) {
            if (!across.contains(document.document().bucket())) {
                continue;
            }
            List<Match> found;
            try {
                found = all(pattern, document, 1).stream().filter(m -> m.value() != null && !m.value().isEmpty()).toList();
            } catch (PatternTimeoutException e) {
                return CheckResult.undecided(check.type(), "the pattern took too long on " + document.name()
                        + " and was stopped", evidence);
            }
            if (found.isEmpty()) {
                missing.add(document.document().bucket() + " (" + document.name() + Words.unread(document) + ")");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Match match : found) {
                valuesWhere.computeIfAbsent(match.value(), v -> new ArrayList<>())
                        .add(document.name() + " page " + match.page());
                if (seen.add(match.value())) {
                    evidence.add(document.quoteExactly(match.page(), match.text(), match.span()));
                }
            }
        }
        String values = describe(valuesWhere);
        if (!missing.isEmpty()) {
            return CheckResult.fail(check.type(), "no value found in " + String.join(", ", missing)
                    + (values.isEmpty() ? "" : "; found " + values), evidence);
        }
        if (valuesWhere.size() > 1) {
            return CheckResult.fail(check.type(), "different values: " + values, evidence);
        }
        if (!emptyBuckets.isEmpty()) {
            return CheckResult.undecided(check.type(), "nothing to compare with: no document in "
                    + String.join(", ", emptyBuckets) + (values.isEmpty() ? "" : "; found " + values), evidence);
        }
        return CheckResult.pass(check.type(), "the same value " + values, evidence);
    }

    private static String describe(Map<String, List<String>> valuesWhere) {
        List<String> parts = new ArrayList<>();
        valuesWhere.forEach((value, where) -> parts.add("\u201c" + value + "\u201d in "
                + String.join(", ", where.stream().distinct().toList())));
        return String.join("; ", parts);
    }

    /** Every match on every page; {@code group} 1 also reads the captured value. */
    private static List<Match> all(SafePattern pattern, DocumentText document, int group) {
        List<Match> found = new ArrayList<>();
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.PATTERNS);
            SafePattern.Matcher matcher = pattern.matcher(text.text(), BUDGET);
            int from = 0;
            while (from <= text.text().length() && matcher.find(from)) {
                String value = group > 0 ? collapse(matcher.group(group)) : null;
                found.add(new Match(document, page, text, new Span(matcher.start(), matcher.end()), value));
                from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
            }
        }
        return found;
    }

    private static String collapse(String value) {
        return value == null ? null : value.strip().replaceAll("\\s+", " ");
    }

}
