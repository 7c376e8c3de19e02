package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Check;
import com.qteria.workflow.SafePattern;
import com.qteria.workflow.SafePattern.Deadline;
import com.qteria.workflow.SafePattern.PatternStoppedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code matches} and {@code same_value}: the process manager's pattern, always through {@link SafePattern} (RE2/J in
 * linear time, or java.util.regex under a time budget for lookaround), on {@link Form#PATTERNS} text — normalised
 * like phrases but with case kept, so that {@code [A-Z]} keeps its meaning. A pattern stopped before it has an answer
 * (its {@link #BUDGET} spent over all documents of the check, or too deep a search), or one that does not compile,
 * makes the check inconclusive (needs review), never a pass or a fail.
 */
final class PatternChecks {

    /** The time one check may spend matching, over all its documents and pages together. */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private PatternChecks() {
    }

    /** The check evaluated with its pattern compiled; a pattern that does not compile makes it inconclusive. */
    private static CheckResult compiled(String type, String regex, Function<SafePattern, CheckResult> evaluate) {
        SafePattern pattern;
        try {
            pattern = SafePattern.compile(regex);
        } catch (IllegalArgumentException e) {
            return CheckResult.undecided(type, new Reason.InvalidPattern(regex, e.getMessage()), List.of());
        }
        return evaluate.apply(pattern);
    }

    /** One match: where, and the text of group 1 when asked for. */
    private record Match(DocumentText document, int page, NormalizedText text, Span span, String value) {
    }

    static CheckResult matches(Check.Matches check, List<DocumentText> documents) {
        return compiled(check.type(), check.pattern(), pattern -> matches(check, pattern, documents));
    }

    private static CheckResult matches(Check.Matches check, SafePattern pattern, List<DocumentText> documents) {
        int needed = check.minCount() == null ? 1 : check.minCount();
        List<Evidence> evidence = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        List<Reason> passes = new ArrayList<>();
        Deadline deadline = Deadline.after(BUDGET);
        for (DocumentText document : documents) {
            List<Match> found;
            try {
                found = all(pattern, document, 0, deadline);
            } catch (PatternStoppedException e) {
                return CheckResult.undecided(check.type(), stopped(e, check.pattern(), document), evidence);
            }
            List<Evidence> here = found.stream().limit(3)
                    .map(m -> document.quoteLine(m.page(), m.text(), m.span())).toList();
            evidence.addAll(here);
            if (found.size() < needed) {
                failures.add(new Reason.PatternTooRare(check.pattern(), found.size(), needed, document.name(),
                        document.pagesWithoutText()));
                if (found.isEmpty()) {
                    for (ClosestMatch.Near near : ClosestMatch.to(document, ClosestMatch.literals(check.pattern()))) {
                        evidence.add(near.evidence());
                        failures.add(near.reason(document.name()));
                    }
                }
            } else {
                passes.add(new Reason.PatternMatched(check.pattern(), found.size(), document.name(),
                        Words.pages(here)));
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), passes, evidence)
                : CheckResult.fail(check.type(), failures, evidence);
    }

    /**
     * Decision: every capture of group 1 in every routed document of the {@code across} buckets is compared (after
     * trimming and collapsing white space, case kept); a bucket without any routed document makes the check
     * inconclusive (nothing to compare), a document without a capture makes it fail.
     */
    static CheckResult sameValue(Check.SameValue check, List<DocumentText> documents) {
        return compiled(check.type(), check.pattern(), pattern -> sameValue(check, pattern, documents));
    }

    private static CheckResult sameValue(Check.SameValue check, SafePattern pattern, List<DocumentText> documents) {
        if (pattern.groupCount() < 1) {
            return CheckResult.undecided(check.type(), new Reason.NoCaptureGroup(check.pattern()), List.of());
        }
        List<String> across = check.across() == null ? List.of() : check.across();
        List<String> emptyBuckets = across.stream()
                .filter(b -> documents.stream().noneMatch(d -> d.document().bucket().equals(b))).toList();
        List<Evidence> evidence = new ArrayList<>();
        Map<String, List<Reason.Place>> valuesWhere = new LinkedHashMap<>();
        List<Reason> missing = new ArrayList<>();
        Deadline deadline = Deadline.after(BUDGET);
        for (DocumentText document : documents) {
            if (!across.contains(document.document().bucket())) {
                continue;
            }
            List<Match> found;
            try {
                found = all(pattern, document, 1, deadline).stream()
                        .filter(m -> m.value() != null && !m.value().isEmpty()).toList();
            } catch (PatternStoppedException e) {
                return CheckResult.undecided(check.type(), stopped(e, check.pattern(), document), evidence);
            }
            if (found.isEmpty()) {
                missing.add(new Reason.NoValue(document.name(), document.pagesWithoutText()));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Match match : found) {
                List<Reason.Place> where = valuesWhere.computeIfAbsent(match.value(), v -> new ArrayList<>());
                Reason.Place place = new Reason.Place(document.name(), match.page());
                if (!where.contains(place)) {
                    where.add(place);
                }
                if (seen.add(match.value())) {
                    evidence.add(document.quoteExactly(match.page(), match.text(), match.span()));
                }
            }
        }
        List<Reason.Value> values = new ArrayList<>();
        valuesWhere.forEach((value, where) -> values.add(new Reason.Value(value, where)));
        if (!missing.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(missing);
            if (!values.isEmpty()) {
                reasons.add(new Reason.ValuesFound(values));
            }
            return CheckResult.fail(check.type(), reasons, evidence);
        }
        if (values.size() > 1) {
            return CheckResult.fail(check.type(), List.of(new Reason.DifferentValues(values)), evidence);
        }
        if (!emptyBuckets.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(List.of(new Reason.NothingToCompare(emptyBuckets)));
            if (!values.isEmpty()) {
                reasons.add(new Reason.ValuesFound(values));
            }
            return new CheckResult.Undecided(check.type(), reasons, evidence);
        }
        if (values.isEmpty()) {
            return CheckResult.undecided(check.type(), new Reason.NothingToCompare(across), evidence);
        }
        return CheckResult.pass(check.type(), List.of(new Reason.SameValue(values.getFirst())), evidence);
    }

    /** Why matching stopped on {@code document}. */
    private static Reason stopped(PatternStoppedException e, String pattern, DocumentText document) {
        return switch (e.why()) {
            case TIME_BUDGET -> new Reason.PatternTimedOut(pattern, document.name());
            case TOO_DEEP -> new Reason.PatternTooDeep(pattern, document.name());
        };
    }

    /** Every match on every page; {@code group} 1 also reads the captured value. */
    private static List<Match> all(SafePattern pattern, DocumentText document, int group, Deadline deadline) {
        List<Match> found = new ArrayList<>();
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.PATTERNS);
            SafePattern.Matcher matcher = pattern.matcher(text.text(), deadline);
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
