package com.qteria.evaluation.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A page's text as the checks compare it, with a map from every normalised character back to the characters of the
 * stored text it came from, so that whatever is found in the normalised text is quoted from the stored text itself.
 * <p>
 * Normalisation, in one pass over the stored text:
 * <ul>
 * <li>Unicode NFKC per character with its combining marks (ligatures {@code ﬁ} → {@code fi}, full-width forms,
 *     NBSP → space); dashes and minus signs become {@code -}, typographic quotes become {@code '} and {@code "};
 *     soft hyphens and zero-width characters vanish.</li>
 * <li>Case folded to lower case ({@code ß} → {@code ss}) in {@link Form#PHRASES} only: patterns written by process
 *     managers ({@code [A-Z]{2}}) keep their meaning on {@link Form#PATTERNS}.</li>
 * <li>Every run of white space becomes one space ({@link Form#LINES} keeps one {@code \n} where the run held a line
 *     break); leading white space is dropped.</li>
 * <li>End-of-line hyphenation is joined: a letter, a hyphen, a line break and a lower-case letter
 *     ({@code certifi-\ncation}) become one word; a hyphen at a line end before anything else
 *     ({@code 62368-\n1}, {@code Low-\nVoltage}) is kept and the line break dropped.</li>
 * </ul>
 * Decision: NFKC is applied per base character with its combining marks rather than to the whole text, which is the
 * same for every script the documents use (Latin, Greek, Cyrillic) and keeps the offset map exact.
 */
public final class NormalizedText {

    /** The normalisation variants. */
    public enum Form {
        /** Case folded, one line: phrase matching ({@code contains}, labels, quotes). */
        PHRASES(true, false),
        /** Case kept, one line: user patterns ({@code matches}, {@code same_value}). */
        PATTERNS(false, false),
        /** Case kept, line breaks kept: signature blocks, passages. */
        LINES(false, true);

        private final boolean fold;
        private final boolean lines;

        Form(boolean fold, boolean lines) {
            this.fold = fold;
            this.lines = lines;
        }
    }

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public static NormalizedText of(String original, Form form) {
        return new Builder(original, form).build();
    }

    /** The normalised form of a phrase or label to look for, trimmed. */
    public static String normalize(String phrase, Form form) {
        return of(phrase, form).text().strip();
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** The stored text this was made from. */
    public String original() {
        return original;
    }

    /** The range of the stored text that the normalised range {@code [from, to)} came from. */
    public Span toOriginal(int from, int to) {
        if (from < 0 || to > text.length() || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + text.length());
        }
        if (from == to) {
            int at = from < starts.length ? starts[from] : original.length();
            return new Span(at, at);
        }
        return new Span(starts[from], ends[to - 1]);
    }

    /**
     * Where {@code phrase} (already normalised in this form) occurs, as normalised ranges. With {@code wholeWords},
     * a phrase that starts (ends) with a letter or digit must not continue a word before (after) it.
     */
    public List<Span> find(String phrase, boolean wholeWords) {
        List<Span> found = new ArrayList<>();
        if (phrase.isEmpty()) {
            return found;
        }
        int at = text.indexOf(phrase);
        while (at >= 0) {
            int end = at + phrase.length();
            if (!wholeWords || (boundaryBefore(at, phrase) && boundaryAfter(end, phrase))) {
                found.add(new Span(at, end));
            }
            at = text.indexOf(phrase, at + 1);
        }
        return found;
    }

    private boolean boundaryBefore(int at, String phrase) {
        return at == 0 || !Character.isLetterOrDigit(phrase.codePointAt(0))
                || !Character.isLetterOrDigit(text.codePointBefore(at));
    }

    private boolean boundaryAfter(int end, String phrase) {
        return end == text.length() || !Character.isLetterOrDigit(phrase.codePointBefore(phrase.length()))
                || !Character.isLetterOrDigit(text.codePointAt(end));
    }

    /** Builds the text and the offset map in one pass. */
    private static final class Builder {

        private final String original;
        private final Form form;
        private final StringBuilder out;
        private int[] starts;
        private int[] ends;
        private int spaceStart = -1;
        private boolean spaceHasBreak;
        private boolean softHyphenBeforeSpace;

        Builder(String original, Form form) {
            this.original = original;
            this.form = form;
            this.out = new StringBuilder(original.length());
            this.starts = new int[Math.max(16, original.length() + 8)];
            this.ends = new int[starts.length];
        }

        NormalizedText build() {
            int i = 0;
            int n = original.length();
            while (i < n) {
                int cp = original.codePointAt(i);
                int unitEnd = i + Character.charCount(cp);
                while (unitEnd < n && isMark(original.codePointAt(unitEnd))) {
                    unitEnd += Character.charCount(original.codePointAt(unitEnd));
                }
                if (isSpace(cp)) {
                    space(i, cp);
                } else if (cp == 0x00AD) {
                    softHyphenBeforeSpace = true;
                } else if (!isInvisible(cp)) {
                    if (spaceStart >= 0) {
                        flushSpace(i, cp);
                    }
                    softHyphenBeforeSpace = false;
                    emit(original.substring(i, unitEnd), i, unitEnd);
                }
                i = unitEnd;
            }
            return new NormalizedText(original, out.toString(), Arrays.copyOf(starts, out.length()),
                    Arrays.copyOf(ends, out.length()));
        }

        private void space(int at, int cp) {
            if (spaceStart < 0) {
                spaceStart = at;
                spaceHasBreak = false;
            }
            spaceHasBreak |= isLineBreak(cp);
        }

        /** Ends a run of white space before the character {@code next} at {@code at}. */
        private void flushSpace(int at, int next) {
            int start = spaceStart;
            spaceStart = -1;
            int length = out.length();
            if (length == 0) {
                return;
            }
            if (spaceHasBreak && softHyphenBeforeSpace) {
                return;
            }
            if (spaceHasBreak && out.charAt(length - 1) == '-' && length >= 2
                    && Character.isLetterOrDigit(out.charAt(length - 2))) {
                if (Character.isLetter(out.charAt(length - 2)) && Character.isLowerCase(next)) {
                    out.setLength(length - 1);
                }
                return;
            }
            append(spaceHasBreak && form.lines ? '\n' : ' ', start, at);
        }

        private void emit(String unit, int start, int end) {
            String normalized = Normalizer.normalize(unit, Normalizer.Form.NFKC);
            if (form.fold) {
                normalized = normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            }
            for (int k = 0; k < normalized.length(); k++) {
                char c = normalized.charAt(k);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                        append(' ', start, end);
                    }
                } else {
                    append(simplify(c), start, end);
                }
            }
        }

        private void append(char c, int start, int end) {
            int length = out.length();
            if (length == starts.length) {
                starts = Arrays.copyOf(starts, length * 2);
                ends = Arrays.copyOf(ends, length * 2);
            }
            out.append(c);
            starts[length] = start;
            ends[length] = end;
        }

        private static char simplify(char c) {
            return switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63' -> '-';
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
                default -> c;
            };
        }

        private static boolean isMark(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        private static boolean isSpace(int cp) {
            return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
        }

        private static boolean isLineBreak(int cp) {
            return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
        }

        private static boolean isInvisible(int cp) {
            return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
        }
    }
}
