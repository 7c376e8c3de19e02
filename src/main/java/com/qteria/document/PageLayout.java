package com.qteria.document;

import java.util.ArrayList;
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

    /**
     * What to highlight for the range {@code [start, end)}: the boxes of its words, each run of words on one line
     * joined into one box (so a highlighted line reads as one mark, spaces included).
     */
    public List<WordBox> highlight(int start, int end) {
        List<WordBox> joined = new ArrayList<>();
        for (WordBox word : covering(start, end)) {
            WordBox last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && sameLine(last, word)) {
                joined.set(joined.size() - 1, join(last, word));
            } else {
                joined.add(word);
            }
        }
        return joined;
    }

    private static boolean sameLine(WordBox before, WordBox word) {
        return word.x() >= before.x() && Math.abs(word.y() - before.y()) < Math.min(before.height(), word.height()) / 2;
    }

    private static WordBox join(WordBox a, WordBox b) {
        float x = Math.min(a.x(), b.x());
        float y = Math.min(a.y(), b.y());
        return new WordBox(a.start(), b.end(), x, y, Math.max(a.x() + a.width(), b.x() + b.width()) - x,
                Math.max(a.y() + a.height(), b.y() + b.height()) - y);
    }
}
