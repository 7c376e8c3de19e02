package com.qteria.document.extraction.ocr;

import com.qteria.document.extraction.PageText;
import com.qteria.document.extraction.PageTextBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads Tesseract's TSV output (level, page, block, paragraph, line, word, left, top, width, height, confidence,
 * text) into page text with word boxes: words of a line separated by spaces, lines by newlines, Tesseract's
 * blocks and paragraphs by blank lines.
 */
final class TesseractTsv {

    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TesseractTsv() {
    }

    static PageText read(Path tsv, int imageWidth, int imageHeight) throws IOException {
        PageTextBuilder builder = new PageTextBuilder();
        String previousParagraph = null;
        String previousLine = null;
        try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] fields = row.split("\t", COLUMNS);
                if (fields.length < COLUMNS || !String.valueOf(WORD_LEVEL).equals(fields[0]) || fields[11].isBlank()) {
                    continue;
                }
                String paragraph = fields[2] + "/" + fields[3];
                String line = paragraph + "/" + fields[4];
                if (!paragraph.equals(previousParagraph)) {
                    builder.paragraph();
                } else if (!line.equals(previousLine)) {
                    builder.newLine();
                } else {
                    builder.space();
                }
                previousParagraph = paragraph;
                previousLine = line;
                float left = Float.parseFloat(fields[6]);
                float top = Float.parseFloat(fields[7]);
                float width = Float.parseFloat(fields[8]);
                float height = Float.parseFloat(fields[9]);
                builder.word(fields[11], left / imageWidth, top / imageHeight, (left + width) / imageWidth,
                        (top + height) / imageHeight);
            }
        }
        return builder.build();
    }
}
