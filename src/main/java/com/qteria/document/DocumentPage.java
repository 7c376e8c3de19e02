package com.qteria.document;

/**
 * One page as the evaluators read it. {@code needsOcr}: the page has no text layer and could not be OCR'd, so its
 * content is unknown to Qteria.
 */
public record DocumentPage(int number, String text, boolean ocr, boolean needsOcr) {
}
