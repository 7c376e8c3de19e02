package com.qteria.workflow;

import java.time.Duration;
import java.util.regex.PatternSyntaxException;

/**
 * A user-supplied pattern (Java regex syntax, as API.md says) that cannot stall a worker. Patterns that RE2/J
 * accepts — nearly all — run on RE2/J, in time linear in the text, so even {@code (a+)+$} is harmless; patterns
 * that need Java-only features (lookaround, backreferences) run on {@code java.util.regex}. Both engines read the
 * text through a {@link Deadline}: the caller gets {@link PatternStoppedException} when the time is spent (RE2/J is
 * linear in the text but also in the pattern's size, which repetition multiplies) or when java.util.regex runs out
 * of stack, never a hang or an error.
 *
 * <p>Decision: a pattern whose repetitions multiply out to more than {@link #MAX_ELEMENTS} elements, or that has a
 * repetition count above {@link #MAX_REPEAT}, is refused before either engine compiles it, since RE2/J writes every
 * copy out ({@code ((a{1000}){1000}){1000}} would be 10^9 instructions). docs/security.md lists these limits.
 */
public final class SafePattern {

    /** The largest count in {@code x{n}}, {@code x{n,}}, {@code x{n,m}} (RE2/J's own limit). */
    public static final int MAX_REPEAT = 1000;
    /** The most elements a pattern may have once its repetitions are multiplied out. */
    public static final long MAX_ELEMENTS = 100_000;

    private final String source;
    private final com.google.re2j.Pattern linear;
    private final java.util.regex.Pattern guarded;

    private SafePattern(String source, com.google.re2j.Pattern linear, java.util.regex.Pattern guarded) {
        this.source = source;
        this.linear = linear;
        this.guarded = guarded;
    }

    /**
     * @throws PatternTooLargeException when its repetitions exceed the limits
     * @throws IllegalArgumentException with a plain description when the pattern is not valid Java regex syntax
     */
    public static SafePattern compile(String pattern) {
        java.util.regex.Pattern javaPattern;
        try {
            javaPattern = java.util.regex.Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription()
                    + (e.getIndex() >= 0 ? " near position " + (e.getIndex() + 1) : ""), e);
        }
        PatternSize size = PatternSize.of(pattern, MAX_ELEMENTS);
        if (size.largestCount() > MAX_REPEAT) {
            throw new PatternTooLargeException("a repetition count of " + size.largestCount()
                    + " is above the limit of " + MAX_REPEAT);
        }
        if (size.elements() > MAX_ELEMENTS) {
            throw new PatternTooLargeException("its nested repetitions multiply out to more than " + MAX_ELEMENTS
                    + " elements");
        }
        try {
            return new SafePattern(pattern, com.google.re2j.Pattern.compile(pattern), null);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return new SafePattern(pattern, null, javaPattern);
        }
    }

    public String source() {
        return source;
    }

    /** Whether matching is guaranteed linear in the text (RE2/J) rather than bounded by a time budget. */
    public boolean linear() {
        return linear != null;
    }

    public int groupCount() {
        return linear != null ? linear.groupCount() : guarded.matcher("").groupCount();
    }

    /** A matcher over {@code text}; all its work together stops at {@code deadline}. */
    public Matcher matcher(CharSequence text, Deadline deadline) {
        if (linear != null) {
            // A step of RE2/J reads one character but may cost up to one instruction per pattern element.
            return new Linear(linear.matcher(new DeadlineText(text, deadline, 16)));
        }
        return new Guarded(guarded.matcher(new DeadlineText(text, deadline, 1024)));
    }

    /** When matching has to stop: a point on {@link System#nanoTime()}'s scale. */
    public record Deadline(long nanoTime) {

        public static Deadline after(Duration budget) {
            return new Deadline(System.nanoTime() + budget.toNanos());
        }

        boolean passed() {
            return System.nanoTime() - nanoTime > 0;
        }
    }

    /** The common part of both engines' matchers. */
    public sealed interface Matcher permits Linear, Guarded {

        /** The next match at or after {@code from}. @throws PatternStoppedException when it cannot be found in time */
        boolean find(int from);

        int start();

        int end();

        String group(int group);
    }

    private record Linear(com.google.re2j.Matcher matcher) implements Matcher {
        public boolean find(int from) { return matcher.find(from); }
        public int start() { return matcher.start(); }
        public int end() { return matcher.end(); }
        public String group(int group) { return matcher.group(group); }
    }

    private record Guarded(java.util.regex.Matcher matcher) implements Matcher {
        public boolean find(int from) {
            try {
                return matcher.find(from);
            } catch (StackOverflowError e) {
                throw new PatternStoppedException(PatternStoppedException.Why.TOO_DEEP);
            }
        }
        public int start() { return matcher.start(); }
        public int end() { return matcher.end(); }
        public String group(int group) { return matcher.group(group); }
    }

    /** Thrown when a pattern is refused for its size; the message says why in words. */
    public static final class PatternTooLargeException extends IllegalArgumentException {
        PatternTooLargeException(String message) {
            super(message);
        }
    }

    /** Thrown when matching stops before it has an answer. */
    public static final class PatternStoppedException extends RuntimeException {

        /** It spent its time, or java.util.regex's backtracking needed more stack than the thread has. */
        public enum Why { TIME_BUDGET, TOO_DEEP }

        private final Why why;

        PatternStoppedException(Why why) {
            super(why == Why.TIME_BUDGET ? "The pattern took too long on this text and was stopped."
                    : "The pattern needed too deep a search on this text and was stopped.", null, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** The text as the engines read it, checking the deadline every {@code every} characters read. */
    private static final class DeadlineText implements CharSequence {

        private final CharSequence text;
        private final Deadline deadline;
        private final int every;
        private int reads;

        DeadlineText(CharSequence text, Deadline deadline, int every) {
            this.text = text;
            this.deadline = deadline;
            this.every = every;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= every) {
                reads = 0;
                if (deadline.passed()) {
                    throw new PatternStoppedException(PatternStoppedException.Why.TIME_BUDGET);
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.subSequence(start, end), deadline, every);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
