package com.qteria.bench.accuracy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;

/**
 * A small page-layout helper for the accuracy corpus: A4 pages in the standard 14 fonts (WinAnsi: umlauts, ß, µ, °),
 * paragraphs wrapped to a width, bordered tables, two-column text, drawn signatures, watermarks, and scans (a page
 * rasterised, turned slightly, speckled and embedded as an image without a text layer). Deterministic: no clock, no
 * unseeded randomness, a document ID derived from the file name.
 */
final class CorpusPdf implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 60;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private final String name;
    private Page current;

    CorpusPdf(String name) {
        this.name = name;
    }

    /** Starts a new page (closing the one before) and returns it. */
    Page page() {
        closePage();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            current = new Page(new PDPageContentStream(document, page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current;
    }

    int pages() {
        return document.getNumberOfPages();
    }

    byte[] bytes() {
        closePage();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fixedId(document, name);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() {
        if (current != null) {
            try {
                current.content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current = null;
        }
    }

    /** The trailer /ID from the file name, so that saving twice gives the same bytes. */
    static void fixedId(PDDocument document, String name) {
        try {
            byte[] id = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, array);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A scan of a born-digital page: rendered at {@code dpi} in grey, turned by {@code degrees} (at most half a
     * degree), speckled with dust from a seeded random, stored as a JPEG: the result has no text layer at all.
     */
    static byte[] scan(byte[] born, String name, int dpi, double degrees, long seed) {
        try (PDDocument source = Loader.loadPDF(born); PDDocument scanned = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            Random random = new Random(seed);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                BufferedImage clean = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                BufferedImage image = new BufferedImage(clean.getWidth(), clean.getHeight(),
                        BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = image.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, image.getWidth(), image.getHeight());
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(clean, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                            image.getWidth() / 2.0, image.getHeight() / 2.0), null);
                    g.setColor(new Color(90, 90, 90));
                    for (int speck = 0; speck < 600; speck++) {
                        int size = 1 + random.nextInt(3);
                        g.fillRect(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), size, size);
                    }
                    g.setColor(new Color(225, 225, 225)); // the shadow of the scanner lid along one edge
                    g.fillRect(image.getWidth() - 14, 0, 14, image.getHeight());
                } finally {
                    g.dispose();
                }
                PDPage page = new PDPage(PDRectangle.A4);
                scanned.addPage(page);
                PDImageXObject xobject = JPEGFactory.createFromImage(scanned, image, 0.7f, dpi);
                try (PDPageContentStream content = new PDPageContentStream(scanned, page)) {
                    content.drawImage(xobject, 0, 0, WIDTH, HEIGHT);
                }
            }
            fixedId(scanned, name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scanned.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page being written top-down; {@link #y} is the distance of the next line from the top. */
    static final class Page {
        final PDPageContentStream content;
        float y = MARGIN;

        Page(PDPageContentStream content) {
            this.content = content;
        }

        Page at(float yFromTop) {
            y = yFromTop;
            return this;
        }

        Page skip(float points) {
            y += points;
            return this;
        }

        /** One line of text at x, at the current y; does not advance. */
        Page text(float x, PDType1Font font, float size, String text) {
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(x, HEIGHT - y - size);
                content.showText(text);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Page heading(String text) {
            skip(6);
            text(MARGIN, BOLD, 13, text);
            return skip(22);
        }

        Page line(String text) {
            return line(MARGIN, text);
        }

        Page line(float x, String text) {
            text(x, REGULAR, 10.5f, text);
            return skip(15);
        }

        Page bold(String text) {
            text(MARGIN, BOLD, 10.5f, text);
            return skip(15);
        }

        Page para(String text) {
            return para(MARGIN, WIDTH - 2 * MARGIN, REGULAR, 10.5f, text);
        }

        Page para(float x, float width, PDType1Font font, float size, String text) {
            for (String line : wrap(text, font, size, width)) {
                text(x, font, size, line);
                skip(size * 1.4f);
            }
            return skip(size * 0.6f);
        }

        /** Paragraphs in two columns, the left one filled first (as a reader reads them). */
        Page twoColumns(List<String> left, List<String> right) {
            float top = y;
            float gap = 24;
            float width = (WIDTH - 2 * MARGIN - gap) / 2;
            for (String text : left) {
                columnParagraph(MARGIN, width, text);
            }
            float leftEnd = y;
            y = top;
            for (String text : right) {
                columnParagraph(MARGIN + width + gap, width, text);
            }
            y = Math.max(leftEnd, y);
            return this;
        }

        private void columnParagraph(float x, float width, String text) {
            if (text.startsWith("## ")) {
                text(x, BOLD, 11, text.substring(3));
                skip(17);
            } else {
                para(x, width, REGULAR, 10, text);
            }
        }

        /** A table with cell borders; the header row bold; cells wrap to their column width. */
        Page table(float[] widths, String[] header, List<String[]> rows) {
            List<String[]> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            float size = 9.5f;
            float leading = 12.5f;
            try {
                content.setLineWidth(0.6f);
                for (int r = 0; r < all.size(); r++) {
                    String[] cells = all.get(r);
                    PDType1Font font = r == 0 ? BOLD : REGULAR;
                    List<List<String>> wrapped = new ArrayList<>();
                    int lines = 1;
                    for (int c = 0; c < widths.length; c++) {
                        List<String> cell = wrap(c < cells.length ? cells[c] : "", font, size, widths[c] - 8);
                        wrapped.add(cell);
                        lines = Math.max(lines, cell.size());
                    }
                    float height = Math.max(lines * leading + 8, r == 0 ? 20 : rowMinimum);
                    float x = MARGIN;
                    for (int c = 0; c < widths.length; c++) {
                        content.addRect(x, HEIGHT - y - height, widths[c], height);
                        content.stroke();
                        float lineY = y + 5;
                        for (String text : wrapped.get(c)) {
                            float keep = y;
                            y = lineY;
                            text(x + 4, font, size, text);
                            y = keep;
                            lineY += leading;
                        }
                        x += widths[c];
                    }
                    y += height;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rowMinimum = 0;
            return skip(10);
        }

        private float rowMinimum;

        /** The body rows of the next table are at least this tall (room for a handwritten signature). */
        Page rowHeight(float points) {
            rowMinimum = points;
            return this;
        }

        /** A handwritten signature: a few overlapping Bézier loops and a flourish, from a seed. */
        Page scribble(float x, float yFromTop, float width, long seed) {
            Random random = new Random(seed);
            try {
                content.setLineWidth(1.1f);
                float baseline = HEIGHT - yFromTop;
                float cx = x;
                content.moveTo(cx, baseline);
                int loops = 4 + random.nextInt(3);
                float step = width / loops;
                for (int i = 0; i < loops; i++) {
                    float up = 8 + random.nextFloat() * 14;
                    content.curveTo(cx + step * 0.2f, baseline + up, cx + step * 0.9f, baseline + up * 0.8f,
                            cx + step * 0.5f, baseline - 2 - random.nextFloat() * 4);
                    content.curveTo(cx + step * 0.3f, baseline - 6, cx + step * 1.1f, baseline - 3,
                            cx + step, baseline + random.nextFloat() * 3);
                    cx += step;
                }
                content.curveTo(cx + 10, baseline + 12, x + width * 0.3f, baseline - 10, x - 4, baseline - 4);
                content.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /**
     * A light-grey word across the lower half of the page. Horizontal: PDFBox extracts a word turned by 45 degrees
     * as scattered letters ("FT A R D"), which would make the negative a test of rotated-text extraction instead.
     */
        Page watermark(String word) {
            try {
                content.saveGraphicsState();
                content.setNonStrokingColor(0.82f);
                content.beginText();
                content.setFont(BOLD, 80);
                content.setTextMatrix(Matrix.getTranslateInstance(100, 170));
                content.showText(word);
                content.endText();
                content.restoreGraphicsState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** A footer line at the bottom of the page. */
        Page footer(String text) {
            float keep = y;
            y = HEIGHT - 40;
            text(MARGIN, REGULAR, 8, text);
            y = keep;
            return this;
        }
    }

    static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && widthOf(candidate, font, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float widthOf(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
