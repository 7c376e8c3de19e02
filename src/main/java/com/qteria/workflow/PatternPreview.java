package com.qteria.workflow;

import com.qteria.workflow.definition.WorkflowValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "Try this pattern": runs a pattern over sample text as the {@code matches} and {@code same_value} checks will
 * ({@link SafePattern}, stopped after {@link #BUDGET} on either engine), and shows the matches. {@code problem} says
 * why the pattern cannot be used, or why it was stopped ({@code stopped}; null when it ran to the end).
 */
public record PatternPreview(String problem, SafePattern.PatternStoppedException.Why stopped, int count,
        List<Match> matches, boolean truncated) {

    public static final int MAX_SAMPLE = 20_000;
    public static final int MAX_SHOWN = 20;
    public static final Duration BUDGET = Duration.ofSeconds(1);

    public record Match(int start, int end, String text, String group) {
    }

    public static PatternPreview run(String pattern, String sample, boolean oneGroup) {
        String problem = WorkflowValidator.patternProblem(pattern, oneGroup);
        if (problem != null) {
            return new PatternPreview("The pattern " + problem + ".", null, 0, List.of(), false);
        }
        String text = sample == null ? "" : sample;
        boolean truncated = text.length() > MAX_SAMPLE;
        if (truncated) {
            text = text.substring(0, MAX_SAMPLE);
        }
        SafePattern compiled = SafePattern.compile(pattern);
        SafePattern.Matcher matcher = compiled.matcher(text, SafePattern.Deadline.after(BUDGET));
        List<Match> matches = new ArrayList<>();
        int count = 0;
        int from = 0;
        try {
            while (from <= text.length() && matcher.find(from)) {
                count++;
                if (matches.size() < MAX_SHOWN) {
                    matches.add(new Match(matcher.start(), matcher.end(), matcher.group(0),
                            compiled.groupCount() >= 1 ? matcher.group(1) : null));
                }
                from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
            }
        } catch (SafePattern.PatternStoppedException e) {
            return new PatternPreview(e.getMessage(), e.why(), count, matches, truncated);
        }
        return new PatternPreview(null, null, count, matches, truncated);
    }
}
