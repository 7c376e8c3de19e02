package com.qteria.workflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * How large a pattern (valid Java regex syntax) becomes once its repetitions are multiplied out, as RE2/J does when
 * it compiles {@code x{n,m}} into {@code m} copies of {@code x}: {@code elements} counts characters, classes and
 * escapes, each times the counts of every repetition around it ({@code ((a{1000}){1000}){1000}} has 10^9);
 * {@code largestCount} is the largest single count. Read by scanning the text, without compiling, so that it is safe
 * on any pattern. Sizes above {@code cap} are kept at {@code cap + 1}.
 */
record PatternSize(long elements, long largestCount) {

    private static final Pattern COMMENTS_FLAG = Pattern.compile("\\(\\?[a-zA-Z-]*x");
    private static final Pattern COUNT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

    static PatternSize of(String pattern, long cap) {
        return new Scan(pattern, cap, COMMENTS_FLAG.matcher(pattern).find()).run();
    }

    /** One pass over the pattern; {@code sum} is the size of the group being read, {@code last} that of its last item. */
    private static final class Scan {

        private final String pattern;
        private final long cap;
        private final boolean comments;
        private final Deque<Long> outer = new ArrayDeque<>();
        private long sum;
        private long last;
        private long largestCount;
        private int at;

        Scan(String pattern, long cap, boolean comments) {
            this.pattern = pattern;
            this.cap = cap;
            this.comments = comments;
        }

        PatternSize run() {
            while (at < pattern.length()) {
                step(pattern.charAt(at));
            }
            while (!outer.isEmpty()) {
                sum = Math.min(cap + 1, sum + outer.pop());
            }
            return new PatternSize(sum, largestCount);
        }

        private void step(char c) {
            switch (c) {
                case '\\' -> {
                    boolean quote = pattern.startsWith("\\Q", at);
                    int end = quote ? at + quotedLength(at) : escape();
                    item(end, quote ? Math.max(1, end - at - 4) : 1);
                }
                case '[' -> item(characterClass(), 1);
                case '(' -> {
                    outer.push(sum);
                    sum = 0;
                    at = groupBody(at + 1);
                }
                case ')' -> {
                    long group = sum;
                    sum = outer.isEmpty() ? 0 : outer.pop();
                    at++;
                    add(group);
                }
                case '{' -> repeat();
                case '|' -> {
                    at++;
                    last = 0;
                }
                case '*', '+', '?' -> at++;
                case '#' -> {
                    if (comments) {
                        int end = pattern.indexOf('\n', at);
                        at = end < 0 ? pattern.length() : end + 1;
                    } else {
                        item(at + 1, 1);
                    }
                }
                default -> {
                    if (comments && Character.isWhitespace(c)) {
                        at++;
                    } else {
                        item(at + 1, 1);
                    }
                }
            }
        }

        /** An item of {@code size} elements that ends at {@code end}. */
        private void item(int end, long size) {
            at = end;
            add(size);
        }

        private void add(long size) {
            last = size;
            sum = Math.min(cap + 1, sum + size);
        }

        /** {@code x{n}}, {@code x{n,}} or {@code x{n,m}}: {@code x} becomes {@code max(m, n + 1)} copies of itself. */
        private void repeat() {
            var count = COUNT.matcher(pattern).region(at, pattern.length());
            if (!count.lookingAt()) {
                item(at + 1, 1);
                return;
            }
            at = count.end();
            long min = number(count.group(1));
            long max = count.group(2) == null ? min : count.group(3).isEmpty() ? min + 1 : number(count.group(3));
            long copies = Math.max(1, Math.max(min, max));
            largestCount = Math.max(largestCount, Math.max(min, max));
            long grown = Math.min(cap + 1, last * copies);
            sum = Math.min(cap + 1, sum - last + grown);
            last = grown;
        }

        private static long number(String digits) {
            return digits.length() > 10 ? Integer.MAX_VALUE : Math.min(Integer.MAX_VALUE, Long.parseLong(digits));
        }

        /** Past {@code (}, {@code (?:}, {@code (?<name>}, {@code (?i:}, lookaround and the like. */
        private int groupBody(int from) {
            if (!pattern.startsWith("?", from)) {
                return from;
            }
            int i = from + 1;
            if (pattern.startsWith("<", i) && i + 1 < pattern.length() && Character.isLetter(pattern.charAt(i + 1))) {
                int close = pattern.indexOf('>', i);
                return close < 0 ? pattern.length() : close + 1;
            }
            while (i < pattern.length() && (Character.isLetter(pattern.charAt(i)) || pattern.charAt(i) == '-')) {
                i++;
            }
            i += pattern.startsWith("<", i) ? 1 : 0;
            return i < pattern.length() && ":=!>".indexOf(pattern.charAt(i)) >= 0 ? i + 1 : i;
        }

        /** One escape: {@code \d}, {@code \p{L}}, {@code \x{263A}}, {@code \k<name>}, {@code \cX}… */
        private int escape() {
            int next = at + 1;
            if (next >= pattern.length()) {
                return next;
            }
            char kind = pattern.charAt(next);
            if ("pPxN".indexOf(kind) >= 0 && pattern.startsWith("{", next + 1)) {
                int close = pattern.indexOf('}', next);
                return close < 0 ? pattern.length() : close + 1;
            }
            if (kind == 'k' && pattern.startsWith("<", next + 1)) {
                int close = pattern.indexOf('>', next);
                return close < 0 ? pattern.length() : close + 1;
            }
            return Math.min(pattern.length(), next + (kind == 'c' ? 2 : 1));
        }

        /** {@code […]}, nested classes and escapes included; a {@code ]} right after {@code [} or {@code [^} is literal. */
        private int characterClass() {
            int depth = 0;
            int i = at;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    i += pattern.startsWith("\\Q", i) ? quotedLength(i) : 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    i++;
                    i += pattern.startsWith("^", i) ? 1 : 0;
                    i += pattern.startsWith("]", i) ? 1 : 0;
                    continue;
                }
                i++;
                if (c == ']' && --depth == 0) {
                    return i;
                }
            }
            return pattern.length();
        }

        private int quotedLength(int from) {
            int end = pattern.indexOf("\\E", from + 2);
            return end < 0 ? pattern.length() - from : end + 2 - from;
        }
    }
}
