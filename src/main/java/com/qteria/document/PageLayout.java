package com.qteria.document;

import java.util.List;

/**
 * A page with where its words are drawn, for showing a quote on the page: the boxes were stored when the page was
 * read (from the PDF's text layer, or from Tesseract for an OCR'd page); a DOCX page has none.
 */
public record PageLayout(DocumentPage page, List<WordBox> words) {

    public PageLayout {
        words = List.copyOf(words);
    }

    /** The boxes of the words that overlap the stored text's range {@code [start, end)}, in reading order. */
    public List<WordBox> covering(int start, int end) {
        return words.stream().filter(word -> word.start() < end && word.end() > start).toList();
    }
}
