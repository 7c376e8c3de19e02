package com.qteria.workflow;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.qteria.workflow.definition.WorkflowValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * "Try this pattern": runs a pattern over sample text as the {@code matches} and {@code same_value} checks will
 * (RE2/J, linear in the text), and shows the matches. {@code problem} says why the pattern cannot be used.
 */
public record PatternPreview(String problem, int count, List<Match> matches, boolean truncated) {

    public static final int MAX_SAMPLE = 20_000;
    public static final int MAX_SHOWN = 20;

    public record Match(int start, int end, String text, String group) {
    }

    public static PatternPreview run(String pattern, String sample, boolean oneGroup) {
        String problem = WorkflowValidator.patternProblem(pattern, oneGroup);
        if (problem != null) {
            return new PatternPreview("The pattern " + problem + ".", 0, List.of(), false);
        }
        String text = sample == null ? "" : sample;
        boolean truncated = text.length() > MAX_SAMPLE;
        if (truncated) {
            text = text.substring(0, MAX_SAMPLE);
        }
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        List<Match> matches = new ArrayList<>();
        int count = 0;
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            count++;
            if (matches.size() < MAX_SHOWN) {
                matches.add(new Match(matcher.start(), matcher.end(), matcher.group(),
                        matcher.groupCount() >= 1 ? matcher.group(1) : null));
            }
            from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
        }
        return new PatternPreview(null, count, matches, truncated);
    }
}
