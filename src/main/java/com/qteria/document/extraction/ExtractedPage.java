package com.qteria.document.extraction;

import com.qteria.document.WordBox;
import java.util.List;

/**
 * The text of one page as the evaluators read it.
 *
 * @param number   1-based page number
 * @param text     reading-order text: lines separated by {@code '\n'}, paragraphs by a blank line, table cells by
 *                 {@code '\t'}; NFC, ligatures expanded, end-of-line hyphenation joined
 * @param ocr      the text was recognised from the rendered page image (Tesseract), not read from a text layer
 * @param needsOcr the page has no usable text layer and OCR was unavailable or failed: its content was not read
 * @param words    word positions for highlighting (empty for DOCX)
 */
public record ExtractedPage(int number, String text, boolean ocr, boolean needsOcr, List<WordBox> words) {

    public ExtractedPage {
        words = List.copyOf(words);
    }
}
