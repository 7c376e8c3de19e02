package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.PageTextBuilder;
import java.text.Bidi;
import java.util.List;

/** Glyphs that form one word, in visual (left to right) order. */
record Word(List<Glyph> glyphs, float x0, float x1) {

    private static final String MIRRORED = "()[]{}<>«»‹›";

    /** The first strong character decides: 1 for right-to-left (Arabic, Hebrew), -1 left-to-right, 0 neither. */
    int direction() {
        for (Glyph glyph : glyphs) {
            String text = glyph.text();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                switch (Character.getDirectionality(codePoint)) {
                    case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                        return 1;
                    }
                    case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                        return -1;
                    }
                    default -> i += Character.charCount(codePoint);
                }
            }
        }
        return 0;
    }

    /**
     * Appends the word in logical order. Glyphs are drawn left to right; for text with right-to-left characters the
     * Unicode bidi algorithm, applied to the visual sequence, gives back the logical one (Arabic letters reversed,
     * digits inside them not, brackets mirrored).
     */
    void writeTo(PageTextBuilder out, boolean rightToLeftContext) {
        StringBuilder visual = new StringBuilder(glyphs.size() + 4);
        float left = 1;
        float top = 1;
        float right = 0;
        float bottom = 0;
        for (Glyph glyph : glyphs) {
            visual.append(glyph.text());
            left = Math.min(left, glyph.left());
            top = Math.min(top, glyph.top());
            right = Math.max(right, glyph.right());
            bottom = Math.max(bottom, glyph.bottom());
        }
        String text = visual.toString();
        if (mayNeedBidi(text)) {
            text = logical(text, rightToLeftContext);
        }
        out.word(text, left, top, right, bottom);
    }

    /** Whether any glyph is right-to-left script or a bidi control (Hebrew starts at U+0590). */
    boolean mayNeedBidi() {
        for (Glyph glyph : glyphs) {
            if (mayNeedBidi(glyph.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayNeedBidi(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x0590) {
                return Bidi.requiresBidi(text.toCharArray(), 0, text.length());
            }
        }
        return false;
    }

    private static String logical(String visual, boolean rightToLeftContext) {
        Bidi bidi = new Bidi(visual, rightToLeftContext ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);
        StringBuilder logical = new StringBuilder(visual.length());
        for (int run : order) {
            int start = bidi.getRunStart(run);
            int end = bidi.getRunLimit(run);
            if ((bidi.getRunLevel(run) & 1) == 0) {
                logical.append(visual, start, end);
            } else {
                for (int i = end - 1; i >= start; i--) {
                    logical.append(mirror(visual.charAt(i)));
                }
            }
        }
        return logical.toString();
    }

    private static char mirror(char c) {
        int at = MIRRORED.indexOf(c);
        return at < 0 ? c : MIRRORED.charAt(at ^ 1);
    }
}
