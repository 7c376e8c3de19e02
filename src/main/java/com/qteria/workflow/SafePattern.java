package com.qteria.workflow;

import java.time.Duration;
import java.util.regex.PatternSyntaxException;

/**
 * A user-supplied pattern (Java regex syntax, as API.md says) that cannot stall a worker. Patterns that RE2/J
 * accepts — nearly all — run on RE2/J, in time linear in the text, so even {@code (a+)+$} is harmless. Patterns
 * that need Java-only features (lookaround, backreferences) run on {@code java.util.regex} over a text that stops
 * the match when its time budget is spent: the caller gets {@link PatternTimeoutException}, never a hang.
 */
public final class SafePattern {

    private final String source;
    private final com.google.re2j.Pattern linear;
    private final java.util.regex.Pattern guarded;

    private SafePattern(String source, com.google.re2j.Pattern linear, java.util.regex.Pattern guarded) {
        this.source = source;
        this.linear = linear;
        this.guarded = guarded;
    }

    /** @throws IllegalArgumentException with a plain description when the pattern is not valid Java regex syntax */
    public static SafePattern compile(String pattern) {
        java.util.regex.Pattern javaPattern;
        try {
            javaPattern = java.util.regex.Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription()
                    + (e.getIndex() >= 0 ? " near position " + (e.getIndex() + 1) : ""), e);
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

    /** A matcher over {@code text}; on the guarded engine, all its work together may take at most {@code budget}. */
    public Matcher matcher(CharSequence text, Duration budget) {
        if (linear != null) {
            return new Linear(linear.matcher(text));
        }
        return new Guarded(guarded.matcher(new DeadlineText(text, System.nanoTime() + budget.toNanos())));
    }

    /** The common part of both engines' matchers. */
    public sealed interface Matcher permits Linear, Guarded {

        /** The next match at or after {@code from}. @throws PatternTimeoutException when the budget is spent */
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
        public boolean find(int from) { return matcher.find(from); }
        public int start() { return matcher.start(); }
        public int end() { return matcher.end(); }
        public String group(int group) { return matcher.group(group); }
    }

    /** Thrown when a guarded pattern spends its time budget. */
    public static final class PatternTimeoutException extends RuntimeException {
        PatternTimeoutException() {
            super("The pattern took too long on this text and was stopped.");
        }
    }

    /** The text, read by java.util.regex, checking the clock every few thousand characters. */
    private record DeadlineText(CharSequence text, long deadline) implements CharSequence {

        private static final ThreadLocal<int[]> READS = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public char charAt(int index) {
            int[] reads = READS.get();
            if (++reads[0] >= 4096) {
                reads[0] = 0;
                if (System.nanoTime() > deadline) {
                    throw new PatternTimeoutException();
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
            return new DeadlineText(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
