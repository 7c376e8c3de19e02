package com.qteria.document.extraction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFs built by the tests themselves with PDFBox, in a TrueType font found on this machine (DejaVu Sans, or
 * Liberation Sans): the Standard 14 fonts cannot draw ligature glyphs and have no umlauts outside WinAnsi.
 */
public final class GeneratedPdfs {

    static final List<Path> FONT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/usr/share/fonts/liberation/LiberationSans-Regular.ttf"));

    private GeneratedPdfs() {
    }

    static Path fontFile() {
        Path font = FONT_CANDIDATES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(font != null, "no DejaVu or Liberation TrueType font installed");
        return font;
    }

    /** Something to draw on one page: text at positions, images. */
    public interface Painter {
        void paint(Canvas canvas) throws IOException;
    }

    /** One page being drawn; y is measured from the top of the page, in points. */
    public record Canvas(PDDocument document, PDPageContentStream content, PDFont font, PDRectangle size) {

        public void text(float x, float yFromTop, float fontSize, String text) throws IOException {
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(x, size.getHeight() - yFromTop);
            content.showText(text);
            content.endText();
        }

        /** Lines top-down from {@code yFromTop}, {@code leading} apart. */
        public void lines(float x, float yFromTop, float fontSize, float leading, List<String> lines) throws IOException {
            for (int i = 0; i < lines.size(); i++) {
                text(x, yFromTop + i * leading, fontSize, lines.get(i));
            }
        }

        public void image(BufferedImage image, float x, float yFromTop, float width, float height) throws IOException {
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            content.drawImage(xobject, x, size.getHeight() - yFromTop - height, width, height);
        }
    }

    /** A document with one A4 page per painter. */
    public static byte[] pdf(Painter... pages) {
        return pdf(document -> { }, 0, pages);
    }

    /** Same, with the pages rotated (the /Rotate entry) and the document adjusted before saving. */
    public static byte[] pdf(Consumer<PDDocument> beforeSave, int rotation, Painter... pages) {
        try (PDDocument document = new PDDocument()) {
            PDFont font;
            try (InputStream in = Files.newInputStream(fontFile())) {
                font = PDType0Font.load(document, in);
            }
            for (Painter painter : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setRotation(rotation);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    painter.paint(new Canvas(document, content, font, PDRectangle.A4));
                }
            }
            beforeSave.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} pages with one line "Page n" each. */
    public static byte[] numberedPages(int count) {
        List<Painter> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int number = i;
            pages.add(canvas -> canvas.text(72, 100, 12, "Page " + number));
        }
        return pdf(pages.toArray(Painter[]::new));
    }

    /** Black text on white, as a scanner would deliver it: an image of the lines, at 300 dpi for an A4 width. */
    public static BufferedImage scan(List<String> lines) {
        BufferedImage image = new BufferedImage(2480, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(loadAwtFont().deriveFont(60f));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 150, 200 + i * 110);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Font loadAwtFont() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, fontFile().toFile());
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path directory, String name, byte[] content) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, content);
        return file;
    }
}
