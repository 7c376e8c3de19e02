package com.qteria.evaluation.text;

/**
 * The stretch of a page to quote around something found: its line, trimmed, and at most about {@link #MAX} characters
 * around the match when the line is long (cut at spaces). Always a range of the stored text that contains the match.
 */
public final class Excerpt {

    public static final int MAX = 240;

    private Excerpt() {
    }

    public static Span lineAround(String text, Span match) {
        int lineStart = match.start() == 0 ? 0 : text.lastIndexOf('\n', match.start() - 1) + 1;
        int lineEnd = text.indexOf('\n', match.end());
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int from = Math.min(lineStart, match.start());
        int to = Math.max(lineEnd, match.end());
        int room = Math.max(0, MAX - match.length()) / 2;
        if (to - from > MAX) {
            from = Math.max(from, cutAtSpace(text, match.start() - room, from, match.start()));
            to = Math.min(to, cutAtSpace(text, match.end() + room, match.end(), to));
        }
        while (from < match.start() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > match.end() && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return safe(text, new Span(from, to));
    }

    /** The nearest space to {@code at} within {@code [low, high]}, else {@code at} clamped to the range. */
    private static int cutAtSpace(String text, int at, int low, int high) {
        int clamped = Math.max(low, Math.min(high, at));
        for (int d = 0; d < 20; d++) {
            if (clamped - d > low && clamped - d < high && text.charAt(clamped - d) == ' ') {
                return clamped - d;
            }
            if (clamped + d > low && clamped + d < high && text.charAt(clamped + d) == ' ') {
                return clamped + d;
            }
        }
        return clamped;
    }

    /**
     * The text on one line (white space collapsed), cut at a space before {@code max} characters with "…" when longer:
     * for a sentence that names a passage, not for evidence.
     */
    public static String shortened(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int cut = line.lastIndexOf(' ', max - 1);
        Span kept = safe(line, new Span(0, cut > max / 2 ? cut : max - 1));
        return line.substring(kept.start(), kept.end()) + "\u2026";
    }

    /** Never splits a surrogate pair. */
    public static Span safe(String text, Span span) {
        int from = span.start();
        int to = span.end();
        if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to > 0 && to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        return new Span(from, to);
    }
}
