package com.qteria.document;

/**
 * Where a word of the page text is drawn, for highlighting a quote on the page.
 * {@code [start, end)} are char offsets into the page's stored text ({@link DocumentPage#text()}); the box is in fractions of the page
 * (0..1), origin top-left, as the page is displayed (its /Rotate applied). A word broken across two lines by
 * hyphenation has one box per line.
 */
public record WordBox(int start, int end, float x, float y, float width, float height) {
}
