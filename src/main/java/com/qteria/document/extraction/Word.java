package com.qteria.document.extraction;

import java.util.List;

/** Glyphs that form one word, in visual (left to right) order. */
record Word(List<Glyph> glyphs, float x0, float x1) {

    /** The first strong character decides: Arabic or Hebrew letters make a right-to-left word. */
    boolean rightToLeft() {
        for (Glyph glyph : glyphs) {
            String text = glyph.text();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                switch (Character.getDirectionality(codePoint)) {
                    case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                        return true;
                    }
                    case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                        return false;
                    }
                    default -> i += Character.charCount(codePoint);
                }
            }
        }
        return false;
    }

    /** Appends the word in logical order: a right-to-left word's glyphs are drawn right to left. */
    void writeTo(PageTextBuilder out) {
        StringBuilder text = new StringBuilder(glyphs.size() + 4);
        float left = 1;
        float top = 1;
        float right = 0;
        float bottom = 0;
        boolean reversed = rightToLeft();
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph glyph = glyphs.get(reversed ? glyphs.size() - 1 - i : i);
            text.append(glyph.text());
            left = Math.min(left, glyph.left());
            top = Math.min(top, glyph.top());
            right = Math.max(right, glyph.right());
            bottom = Math.max(bottom, glyph.bottom());
        }
        out.word(text, left, top, right, bottom);
    }
}
