package com.qteria.document.extraction;

import com.qteria.document.WordBox;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds page text word by word, so that every {@link WordBox} indexes the final text exactly.
 * <p>
 * Separators are held back until the next word arrives (the strongest one wins), so text never starts or ends
 * with white space. Each word is normalised on its own: ligatures and Arabic presentation forms expanded (NFKC for
 * just those characters), control and invisible formatting characters dropped, then NFC, which composes
 * umlauts drawn as letter plus diaeresis.
 * <p>
 * End-of-line hyphenation: when a line ends in letter + hyphen and the next line starts with a lower-case
 * letter, the hyphen goes and the halves join ("certifi-" / "cation" → "certification", one box per half). A hyphen
 * before an upper-case letter or a digit is a real one and stays, without the line break
 * ("Hersteller-" / "Angaben" → "Hersteller-Angaben", "EN 60601-" / "1" → "EN 60601-1").
 */
public final class PageTextBuilder {

    private enum Separator { NONE, SPACE, TAB, LINE, PARAGRAPH }

    private final StringBuilder text = new StringBuilder();
    private final List<WordBox> words = new ArrayList<>();
    private Separator pending = Separator.NONE;

    public void space() {
        hold(Separator.SPACE);
    }

    public void tab() {
        hold(Separator.TAB);
    }

    public void newLine() {
        hold(Separator.LINE);
    }

    public void paragraph() {
        hold(Separator.PARAGRAPH);
    }

    /** Appends a word drawn in the box {@code left..bottom} (fractions of the displayed page). */
    public void word(CharSequence raw, float left, float top, float right, float bottom) {
        String word = normalize(raw);
        if (word.isEmpty()) {
            return;
        }
        if (pending == Separator.LINE && hyphenated()) {
            if (Character.isLowerCase(word.codePointAt(0)) && Character.isLetter(text.codePointBefore(text.length() - 1))) {
                dropHyphen();
            }
            pending = Separator.NONE;
        }
        switch (pending) {
            case SPACE -> text.append(' ');
            case TAB -> text.append('\t');
            case LINE -> text.append('\n');
            case PARAGRAPH -> text.append("\n\n");
            case NONE -> {
            }
        }
        pending = Separator.NONE;
        int start = text.length();
        text.append(word);
        words.add(new WordBox(start, text.length(), left, top, Math.max(0, right - left), Math.max(0, bottom - top)));
    }

    public PageText build() {
        return new PageText(text.toString(), List.copyOf(words));
    }

    private void hold(Separator separator) {
        if (!text.isEmpty() && separator.compareTo(pending) > 0) {
            pending = separator;
        }
    }

    /** The text so far ends in a hyphen that follows a letter or digit of the same word. */
    private boolean hyphenated() {
        int length = text.length();
        if (length < 2 || text.charAt(length - 1) != '-' || words.isEmpty()) {
            return false;
        }
        WordBox last = words.get(words.size() - 1);
        return last.end() == length && last.end() - last.start() >= 2
                && Character.isLetterOrDigit(text.codePointBefore(length - 1));
    }

    private void dropHyphen() {
        text.setLength(text.length() - 1);
        WordBox last = words.remove(words.size() - 1);
        words.add(new WordBox(last.start(), last.end() - 1, last.x(), last.y(), last.width(), last.height()));
    }

    /** A word: white space inside becomes a space, a trailing soft hyphen a hyphen; stripped. */
    static String normalize(CharSequence raw) {
        return clean(raw, true);
    }

    /** A run of text (DOCX): newlines and tabs kept, soft hyphens dropped, not stripped. */
    public static String normalizeRun(CharSequence raw) {
        return clean(raw, false);
    }

    private static String clean(CharSequence raw, boolean word) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean plain = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x7F && c >= 0x20) {
                out.append(c);
                continue;
            }
            plain = false;
            if (c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFC) {
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            } else if (c == 0x00AD) {
                if (word && i == raw.length() - 1) {
                    out.append('-');
                }
            } else if (c == 0x2010 || c == 0x2011) {
                out.append('-');
            } else if (!word && (c == '\n' || c == '\t')) {
                out.append(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (!invisible(c)) {
                out.append(c);
            }
        }
        String result = word ? out.toString().strip() : out.toString();
        return plain ? result : Normalizer.normalize(result, Normalizer.Form.NFC);
    }

    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED;
    }
}
