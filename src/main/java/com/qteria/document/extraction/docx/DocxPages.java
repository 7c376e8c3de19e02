package com.qteria.document.extraction.docx;

import com.qteria.document.extraction.PageTextBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the text of a Word document into pages. Separators wait for the next text (the strongest wins), so
 * pages never start or end with white space; a page break on an empty page is ignored, which is how Word's
 * {@code lastRenderedPageBreak} right after an explicit page break does not make an empty page. Inside a table
 * row a page break waits for the end of the row, so rows are never split.
 * <p>
 * A page holds no more text than the page cap can use: its first {@code maxCharacters} characters and the next
 * visible one, the sign that the page had more, which the extractor's text caps cut off with a warning.
 */
final class DocxPages {

    private enum Separator { NONE, SPACE, TAB, LINE, PARAGRAPH }

    private final int maxCharacters;
    private final List<String> pages = new ArrayList<>();
    private final StringBuilder page = new StringBuilder();
    private Separator pending = Separator.NONE;
    private int rowDepth;
    private boolean breakAfterRow;
    private boolean full;

    DocxPages(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    void text(String text) {
        String clean = PageTextBuilder.normalizeRun(text);
        if (page.isEmpty()) {
            clean = clean.stripLeading();
        }
        if (clean.isEmpty() || full) {
            return;
        }
        if (!page.isEmpty()) {
            page.append(switch (pending) {
                case NONE -> "";
                case SPACE -> " ";
                case TAB -> "\t";
                case LINE -> "\n";
                case PARAGRAPH -> "\n\n";
            });
        }
        pending = Separator.NONE;
        page.append(clean);
        if (page.length() > maxCharacters) {
            dropBeyondCap();
        }
    }

    /** Keeps the text up to the cap and the first visible character after it; white space after the cap as one. */
    private void dropBeyondCap() {
        for (int i = maxCharacters; i < page.length(); i++) {
            if (!Character.isWhitespace(page.charAt(i))) {
                page.setLength(i + 1);
                full = true;
                return;
            }
        }
        page.setLength(maxCharacters + 1);
    }

    void space() {
        hold(Separator.SPACE);
    }

    void tab() {
        hold(Separator.TAB);
    }

    void lineBreak() {
        hold(Separator.LINE);
    }

    void paragraph() {
        hold(Separator.PARAGRAPH);
    }

    void startRow() {
        rowDepth++;
    }

    void endRow() {
        rowDepth--;
        lineBreak();
        if (rowDepth == 0 && breakAfterRow) {
            breakAfterRow = false;
            pageBreak();
        }
    }

    boolean inTable() {
        return rowDepth > 0;
    }

    void pageBreak() {
        if (rowDepth > 0) {
            breakAfterRow = true;
        } else if (!page.toString().isBlank()) {
            finishPage();
        }
    }

    /** The pages; a document without any text has one empty page. */
    List<String> pages() {
        if (!page.isEmpty() || pages.isEmpty()) {
            finishPage();
        }
        return List.copyOf(pages);
    }

    private void finishPage() {
        pages.add(page.toString().strip());
        page.setLength(0);
        pending = Separator.NONE;
        full = false;
    }

    private void hold(Separator separator) {
        if (separator.compareTo(pending) > 0) {
            pending = separator;
        }
    }
}
