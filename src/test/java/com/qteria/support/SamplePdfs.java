package com.qteria.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/** Small documents made in the test, one line of text per page (Helvetica), and Word files. */
public final class SamplePdfs {

    private SamplePdfs() {
    }

    /** A PDF with one page per argument, each page showing that text on its first line. */
    public static byte[] pdf(String... pageTexts) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 760);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document with one paragraph per argument. */
    public static byte[] docx(String... paragraphs) {
        return word(document -> {
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
        });
    }

    /** A Word document with one page per argument (a page break after each but the last). */
    public static byte[] docxPages(String... pages) {
        return word(document -> {
            for (int i = 0; i < pages.length; i++) {
                XWPFRun run = document.createParagraph().createRun();
                run.setText(pages[i]);
                if (i < pages.length - 1) {
                    run.addBreak(BreakType.PAGE);
                }
            }
        });
    }

    private static byte[] word(Consumer<XWPFDocument> content) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
