package com.qteria.document.extraction.docx;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedDocx;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Word documents: pages from page breaks and Word's rendered page breaks, tables row by row; files that unpack to more
 * than the limit (zip bombs) rejected before they are parsed.
 */
class DocxExtractionTests {

    private static final long MB = 1024 * 1024;
    private static final String ONE_MB_UNPACKED = "The document expands to more than 1 MB when unpacked, more than "
            + "Qteria reads. Split it into smaller files and upload those.";

    @TempDir
    Path directory;

    @Test
    void splitsPagesAtBreaksAndReadsTablesRowByRow() throws IOException {
        Path file = write(document -> {
            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Acme GmbH – Test report");
            document.createHeader(HeaderFooterType.FIRST).createParagraph().createRun().setText("Acme GmbH – Test report");
            document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Confidential");
            XWPFParagraph first = document.createParagraph();
            first.createRun().setText("First page: scope of the certifi\u00ADcation.");
            first.createRun().addBreak(BreakType.PAGE);
            document.createParagraph().createRun().setText("Second page: results.");
            XWPFTable table = document.createTable(2, 3);
            table.getRow(0).getCell(0).setText("Clause");
            table.getRow(0).getCell(1).setText("Requirement");
            table.getRow(0).getCell(2).setText("Verdict");
            table.getRow(1).getCell(0).setText("4.1");
            table.getRow(1).getCell(1).setText("Marking of the ﬁnal product");
            table.getRow(1).getCell(2).setText("P");
            XWPFParagraph rendered = document.createParagraph();
            XWPFRun run = rendered.createRun();
            run.getCTR().addNewLastRenderedPageBreak();
            run.setText("Third page, where Word's last layout started a new page.");
        });

        Extractions result = Extractions.of(file, DocumentType.DOCX, ExtractionLimits.defaults(), Ocr.unavailable());

        assertThat(result.extracted().pages()).isEqualTo(3);
        assertThat(result.pages()).extracting(ExtractedPage::text).containsExactly(
                "Acme GmbH – Test report\n\nFirst page: scope of the certification.",
                "Second page: results.\n\nClause\tRequirement\tVerdict\n4.1\tMarking of the final product\tP",
                "Third page, where Word's last layout started a new page.\n\nConfidential");
        assertThat(result.pages()).allSatisfy(page -> {
            assertThat(page.words()).isEmpty();
            assertThat(page.ocr()).isFalse();
            assertThat(page.needsOcr()).isFalse();
        });
    }

    @Test
    void aRenderedPageBreakRightAfterAnExplicitOneMakesNoEmptyPage() throws IOException {
        Path file = write(document -> {
            XWPFParagraph first = document.createParagraph();
            first.createRun().setText("Page one.");
            first.createRun().addBreak(BreakType.PAGE);
            XWPFParagraph second = document.createParagraph();
            XWPFRun run = second.createRun();
            run.getCTR().addNewLastRenderedPageBreak();
            run.setText("Page two.");
        });

        Extractions result = Extractions.of(file, DocumentType.DOCX, ExtractionLimits.defaults(), Ocr.unavailable());

        assertThat(result.pages()).extracting(ExtractedPage::text).containsExactly("Page one.", "Page two.");
    }

    @Test
    void appliesThePageLimit() throws IOException {
        Path file = write(document -> {
            for (int i = 1; i <= 3; i++) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.createRun().setText("Page " + i);
                paragraph.createRun().addBreak(BreakType.PAGE);
            }
        });

        Extractions result = Extractions.of(file, DocumentType.DOCX, new ExtractionLimits(2, Duration.ofSeconds(30)),
                Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("The document has 3 pages and Qteria reads at most 2. Split it into smaller files and upload those.");
    }

    @Test
    void rejectsADamagedWordFile() throws IOException {
        Path file = directory.resolve("broken.docx");
        Files.writeString(file, "PK\u0003\u0004 this is not really a zip", StandardCharsets.ISO_8859_1);

        Extractions result = Extractions.of(file, DocumentType.DOCX, ExtractionLimits.defaults(), Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("The file is damaged and cannot be read as a Word document. Save it again in Word and upload the new copy.");
    }

    @Test
    void rejectsADocumentThatUnpacksBeyondTheLimitBeforeParsingIt() throws IOException {
        Path file = GeneratedDocx.bomb(directory.resolve("bomb.docx"), 3 * MB);

        Extractions result = Extractions.of(file, DocumentType.DOCX, unpackedAtMost(MB), Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo(ONE_MB_UNPACKED);
        assertThat(result.pages()).isEmpty();
    }

    @Test
    void countsTheBytesItUnpacksNotTheSizesTheFileDeclares() throws IOException {
        Path file = GeneratedDocx.bomb(directory.resolve("bomb.docx"), 3 * MB);
        GeneratedDocx.understateSizes(file);

        Extractions result = Extractions.of(file, DocumentType.DOCX, unpackedAtMost(MB), Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo(ONE_MB_UNPACKED);
    }

    @Test
    void aDocumentWithinTheUnpackedLimitIsReadWithItsPageTextCapped() throws IOException {
        Path file = GeneratedDocx.bomb(directory.resolve("big.docx"), 3 * MB);

        Extractions result = Extractions.of(file, DocumentType.DOCX, unpackedAtMost(4 * MB), Ocr.unavailable());

        assertThat(result.extracted().pages()).isEqualTo(1);
        assertThat(result.text(1)).hasSizeBetween(199_900, ExtractionLimits.DEFAULT_MAX_PAGE_CHARACTERS)
                .startsWith("The equipment was tested according to the standard");
        assertThat(result.extracted().warnings()).containsExactly(
                "Page 1 has more than 200,000 characters of text: only the first 200,000 were read.");
    }

    private static ExtractionLimits unpackedAtMost(long bytes) {
        return new ExtractionLimits(2000, Duration.ofSeconds(60), ExtractionLimits.DEFAULT_MAX_PAGE_CHARACTERS,
                ExtractionLimits.DEFAULT_MAX_DOCUMENT_CHARACTERS, bytes);
    }

    private interface Content {
        void write(XWPFDocument document) throws IOException;
    }

    private Path write(Content content) throws IOException {
        Path file = directory.resolve("document.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            content.write(document);
            document.write(out);
        }
        assertThat(DocumentType.detect(file)).contains(DocumentType.DOCX);
        return file;
    }
}
