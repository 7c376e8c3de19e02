package com.qteria.evaluation.checks;

import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What comes closest to a phrase or pattern a check did not find: the evidence of a failure on absence ("the
 * declaration cites 2014/30/EU where 2014/35/EU was required").
 * <p>
 * Decisions: the sought text (a phrase, or the literal text of a pattern) is compared, after the same normalisation as
 * phrases, with every run of words of about its length on every page (one word fewer to one more), by edit distance;
 * a run counts when at most 40 % of its characters differ ({@link #LEAST_SIMILARITY}) — "AMD1:2012" for "AMD2:2020",
 * "ISO/IEC 17020" for "ISO/IEC 17025" — and the best two, on different lines, are shown. Sought text with fewer than
 * three letters or digits has no closest match. The quote is the line around the run, cut from the stored text, so it
 * is verified like any other; it is marked as the closest match and never counts towards a pass.
 */
final class ClosestMatch {

    /** How alike a run must be to the sought text: 1 minus the edit distance over the longer length. */
    static final double LEAST_SIMILARITY = 0.6;
    /** Closest matches shown per document and check. */
    static final int SHOWN = 2;
    /** Sought text longer than this (a sentence) has no closest match: comparing it is slow and rarely telling. */
    private static final int LONGEST = 120;
    /**
     * The time one check may spend looking for closest matches in one document: a document of millions of near misses
     * (one organization's hostile file) cannot hold a worker that others' assessments wait for. What was compared by
     * then is shown; the verdict, decided before, does not depend on it.
     */
    static final Duration BUDGET = Duration.ofSeconds(1);
    /** Runs kept while comparing, best first. */
    private static final int KEPT = 100;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-zA-Z]+\\)");
    private static final Pattern SPACE_CLASS = Pattern.compile("\\\\[sh]");
    private static final Pattern OTHER_CLASS = Pattern.compile("\\\\[dDwWbBSHAzZG]|\\[[^\\]]*\\]|\\\\p\\{[^}]*\\}");
    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d*,?\\d*\\}");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(.)");
    /** Where escaped ASCII characters hide while a pattern is reduced to its literal text (Unicode private use). */
    private static final int HIDDEN = 0xE000;
    private static final Pattern META = Pattern.compile("[()?*+^$]");
    /** An innermost group with alternatives: its first alternative stands for it. */
    private static final Pattern INNER_ALTERNATIVES = Pattern.compile("\\(([^()|]*)\\|[^()]*\\)");

    private ClosestMatch() {
    }

    /** A closest match: the evidence (its line), the run itself as stored, and how alike it is. */
    record Near(String sought, Evidence evidence, String found, double similarity) {

        Reason reason(String document) {
            return new Reason.ClosestMatch(sought, found, document, evidence.page());
        }
    }

    /** The runs closest to any of {@code sought} in the document, best first, at most {@link #SHOWN}, one per line. */
    static List<Near> to(DocumentText document, List<String> sought) {
        return to(document, sought, BUDGET);
    }

    /** {@link #to(DocumentText, List)} within {@code budget}: what was compared by then counts, the rest does not. */
    static List<Near> to(DocumentText document, List<String> sought, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<Near> all = new ArrayList<>();
        for (String phrase : sought) {
            String target = NormalizedText.normalize(phrase, Form.PHRASES).strip();
            if (target.codePoints().filter(Character::isLetterOrDigit).count() >= 3) {
                all.addAll(candidates(document, phrase, target, deadline));
            }
        }
        all.sort(Comparator.comparingDouble(Near::similarity).reversed());
        List<Near> shown = new ArrayList<>();
        Set<String> lines = new HashSet<>();
        for (Near near : all) {
            if (shown.size() < SHOWN && lines.add(near.evidence().page() + ":" + near.evidence().start())) {
                shown.add(near);
            }
        }
        return shown;
    }

    /**
     * The literal text of a pattern, one per top-level alternative: escapes resolved, white-space classes as a space,
     * other classes, anchors, groups and quantifiers left out ({@code ISO/IEC\s*17025(:2017)?} → "ISO/IEC 17025:2017"),
     * a group's first alternative standing for the group.
     */
    static List<String> literals(String pattern) {
        String s = INLINE_FLAGS.matcher(pattern).replaceAll("");
        s = SPACE_CLASS.matcher(s).replaceAll(" ");
        s = OTHER_CLASS.matcher(s).replaceAll("");
        s = QUANTIFIER.matcher(s).replaceAll("");
        List<String> literals = new ArrayList<>();
        for (String alternative : topLevelAlternatives(hideEscapes(s))) {
            String text = alternative;
            for (String before = null; !text.equals(before); ) {
                before = text;
                text = INNER_ALTERNATIVES.matcher(text).replaceAll("$1");
            }
            text = META.matcher(text).replaceAll("");
            text = shownEscapes(text).strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                literals.add(text);
            }
        }
        return literals;
    }

    /**
     * Escaped characters ({@code \(}, {@code \.}, {@code \|}) as private-use characters, so that the removal of
     * metacharacters and the split into alternatives leave them alone.
     */
    private static String hideEscapes(String s) {
        return ESCAPED.matcher(s).replaceAll(m -> m.group(1).charAt(0) < 0x80
                ? Matcher.quoteReplacement(String.valueOf((char) (HIDDEN + m.group(1).charAt(0)))) : m.group(1));
    }

    private static String shownEscapes(String s) {
        StringBuilder shown = new StringBuilder(s.length());
        s.chars().forEach(c -> shown.append((char) (c >= HIDDEN && c < HIDDEN + 0x80 ? c - HIDDEN : c)));
        return shown.toString();
    }

    private static List<String> topLevelAlternatives(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '|' && depth == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** A run of words on a page as alike to the sought text as {@code similarity}. */
    private record Run(int page, NormalizedText text, Span span, double similarity) {
    }

    private static List<Near> candidates(DocumentText document, String sought, String target, long deadline) {
        if (target.length() > LONGEST) {
            return List.of();
        }
        List<String> targetWords = WORD.matcher(target).results().map(MatchResult::group).toList();
        Set<String> prefixes = targetWords.stream().map(ClosestMatch::prefix).collect(Collectors.toSet());
        int words = targetWords.size();
        LevenshteinDistance distance = new LevenshteinDistance((int) (target.length() * (1 - LEAST_SIMILARITY)));
        List<Run> runs = new ArrayList<>();
        pages:
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.PHRASES);
            String t = text.text();
            List<Span> tokens = WORD.matcher(t).results().map(r -> new Span(r.start(), r.end())).toList();
            for (int i = 0; i < tokens.size(); i++) {
                if ((i & 255) == 0 && System.nanoTime() - deadline > 0) {
                    break pages;
                }
                for (int n = Math.max(1, words - 1); n <= words + 1 && i + n <= tokens.size(); n++) {
                    Span run = new Span(tokens.get(i).start(), tokens.get(i + n - 1).end());
                    if (run.length() > target.length() * 2) {
                        break;
                    }
                    if (!sharesAPrefix(t, tokens.subList(i, i + n), prefixes) || acrossLines(document, page, text, run)) {
                        continue;
                    }
                    int d = distance.apply(target, t.substring(run.start(), run.end()));
                    double similarity = d < 0 ? 0 : 1 - (double) d / Math.max(target.length(), run.length());
                    if (similarity >= LEAST_SIMILARITY) {
                        runs.add(new Run(page, text, run, similarity));
                        if (runs.size() > KEPT * 10) {
                            keepBest(runs);
                        }
                    }
                }
            }
        }
        runs.sort(Comparator.comparingDouble(Run::similarity).reversed());
        List<Near> found = new ArrayList<>();
        Set<String> lines = new HashSet<>();
        for (Run run : runs) {
            Evidence line = document.quoteLine(run.page(), run.text(), run.span()).asClosestMatch();
            if (found.size() < SHOWN && lines.add(line.page() + ":" + line.start())) {
                String exact = document.quoteExactly(run.page(), run.text(), run.span()).quote().strip()
                        .replaceAll("\\s+", " ");
                found.add(new Near(sought, line, exact, run.similarity()));
            }
        }
        return found;
    }

    /** The run spans a line break of the stored text (other than a word hyphenated at the line's end). */
    private static boolean acrossLines(DocumentText document, int page, NormalizedText text, Span run) {
        Span original = text.toOriginal(run.start(), run.end());
        String stored = document.document().page(page).substring(original.start(), original.end());
        return stored.replace("-\n", "").indexOf('\n') >= 0;
    }

    /** Only the {@link #KEPT} most alike runs, best first: a document full of near misses cannot fill the memory. */
    private static void keepBest(List<Run> runs) {
        runs.sort(Comparator.comparingDouble(Run::similarity).reversed());
        runs.subList(KEPT, runs.size()).clear();
    }

    /** A word of the run begins like a word of the sought text: a cheap test before the edit distance. */
    private static boolean sharesAPrefix(String text, List<Span> run, Set<String> prefixes) {
        for (Span word : run) {
            if (prefixes.contains(prefix(text.substring(word.start(), word.end())))) {
                return true;
            }
        }
        return false;
    }

    private static String prefix(String word) {
        return word.substring(0, Math.min(2, word.length()));
    }
}
