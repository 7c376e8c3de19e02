package com.qteria.document.extraction;

import java.util.List;

/** A page's text with the boxes of its words, before it becomes an {@link ExtractedPage}. */
record PageText(String text, List<WordBox> words) {

    static final PageText EMPTY = new PageText("", List.of());

    static PageText of(List<Glyph> glyphs) {
        PageTextBuilder builder = new PageTextBuilder();
        ReadingOrder.write(glyphs, builder);
        return builder.build();
    }

    /** Characters that are not white space. */
    int visibleCharacters() {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            count += Character.isWhitespace(text.charAt(i)) ? 0 : 1;
        }
        return count;
    }

    ExtractedPage page(int number, boolean ocr, boolean needsOcr) {
        return new ExtractedPage(number, text, ocr, needsOcr, words);
    }
}
