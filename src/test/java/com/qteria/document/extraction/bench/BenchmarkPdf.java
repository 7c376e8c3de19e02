package com.qteria.document.extraction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the extraction benchmark's input: an A4 text document of N pages (default 500) that looks like a
 * technical report: a heading and about 48 justified lines of English and German prose per page (about 3,800
 * characters), in an embedded TrueType subset (DejaVu Sans, as Word and LibreOffice exports embed fonts) or,
 * when DejaVu is not installed, Helvetica. Deterministic (fixed seed), so every run measures the same file.
 * <p>
 * {@code java -cp … com.qteria.document.extraction.bench.BenchmarkPdf target/bench/bench-500.pdf [pages]}
 */
public final class BenchmarkPdf {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String[] WORDS = ("the device shall be tested according to clause requirements of "
            + "standard conformity assessment notified body technical documentation risk management file "
            + "clinical evaluation report electrical safety IEC 60601-1 EN ISO 14971 usability engineering "
            + "software lifecycle verification validation labelling instructions for use sterilisation biocompatibility "
            + "Prüfbericht Hersteller Konformitätserklärung Gebrauchsanweisung Risikomanagement Übereinstimmung "
            + "Anforderungen gemäß Maßnahmen Qualitätsmanagementsystem Zertifizierungsstelle").split(" ");

    private BenchmarkPdf() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target/bench/bench-500.pdf");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        write(target, pages);
        System.out.println("Wrote " + target + " (" + pages + " pages, " + Files.size(target) + " bytes)");
    }

    public static void write(Path target, int pages) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Random random = new Random(42);
        try (PDDocument document = new PDDocument()) {
            PDFont font = Files.isReadable(DEJAVU) && !Boolean.getBoolean("bench.helvetica") ? PDType0Font.load(document, DEJAVU.toFile())
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    writePage(content, font, number, random);
                }
            }
            document.save(target.toFile());
        }
    }

    private static void writePage(PDPageContentStream content, PDFont font, int number, Random random)
            throws IOException {
        content.beginText();
        content.setFont(font, 14);
        content.newLineAtOffset(60, 780);
        content.showText(number + ". Test report section " + number);
        content.setFont(font, 10);
        content.setLeading(14.5f);
        content.newLine();
        content.newLine();
        for (String line : lines(font, random, 470, 48)) {
            content.showText(line);
            content.newLine();
        }
        content.endText();
    }

    private static List<String> lines(PDFont font, Random random, float width, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        while (lines.size() < count) {
            String word = WORDS[random.nextInt(WORDS.length)];
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * 10 > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        return lines;
    }
}
