package com.qteria.document.extraction;

import com.qteria.document.WordBox;
import java.util.List;

/** A page's text with the boxes of its words, before it becomes an {@link ExtractedPage}. */
public record PageText(String text, List<WordBox> words) {

    public static final PageText EMPTY = new PageText("", List.of());

    /** Characters that are not white space. */
    public int visibleCharacters() {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            count += Character.isWhitespace(text.charAt(i)) ? 0 : 1;
        }
        return count;
    }

    public ExtractedPage page(int number, boolean ocr, boolean needsOcr) {
        return new ExtractedPage(number, text, ocr, needsOcr, words);
    }
}
