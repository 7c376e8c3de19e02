package com.qteria.document.extraction.ocr;

import static com.qteria.document.extraction.GeneratedPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedPdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages without a text layer: OCR'd with Tesseract where it is installed, flagged where it is not. */
class ScannedPageTests {

    private static final List<String> SCANNED = List.of("Certificate of Conformity", "Prüfbericht Nummer 4711",
            "The device complies with EN 60601-1");

    @TempDir
    Path directory;

    @Test
    void ocrsAScannedPageAndMarksIt() throws IOException {
        Ocr ocr = Ocr.detect();
        assumeTrue(ocr.available(), "tesseract is not installed");
        Path file = scannedDocument();

        Extractions result = Extractions.of(file, DocumentType.PDF, ExtractionLimits.defaults(), ocr);

        ExtractedPage scanned = result.pages().get(1);
        assertThat(scanned.ocr()).isTrue();
        assertThat(scanned.needsOcr()).isFalse();
        assertThat(scanned.text()).contains("Certificate of Conformity", "Prüfbericht", "EN 60601-1");
        assertThat(scanned.words()).isNotEmpty().allSatisfy(box -> {
            assertThat(scanned.text().substring(box.start(), box.end())).isNotBlank();
            assertThat(box.x()).isBetween(0f, 1f);
            assertThat(box.y()).isBetween(0f, 0.5f);
        });
        assertThat(result.pages().get(0).ocr()).isFalse();
        assertThat(result.extracted().warnings())
                .containsExactly("Page 2 has no text layer and was read with OCR; check quotes from it against the "
                        + "page image.");
    }

    @Test
    void withoutOcrFlagsThePageAndTellsTheDocument() throws IOException {
        Path file = scannedDocument();

        Extractions result = Extractions.of(file, DocumentType.PDF, ExtractionLimits.defaults(), Ocr.unavailable());

        ExtractedPage scanned = result.pages().get(1);
        assertThat(scanned.needsOcr()).isTrue();
        assertThat(scanned.ocr()).isFalse();
        assertThat(scanned.text()).isEmpty();
        assertThat(result.pages().get(0).needsOcr()).isFalse();
        assertThat(result.extracted().warnings()).containsExactly(
                "Page 2 has no text layer and OCR is not installed: its content was not read.");
    }

    @Test
    void namesEveryPageWithoutTextLayer() throws IOException {
        GeneratedPdfs.Painter scan = page -> page.image(GeneratedPdfs.scan(SCANNED), 0, 0, 595, 288);
        Path file = GeneratedPdfs.write(directory, "scans.pdf",
                pdf(scan, page -> page.text(72, 100, 12, "Typed page"), scan, scan));

        Extractions result = Extractions.of(file, DocumentType.PDF, ExtractionLimits.defaults(), Ocr.unavailable());

        assertThat(result.extracted().warnings()).containsExactly("3 pages have no text layer and OCR is not "
                + "installed: their content was not read (pages 1, 3, 4).");
    }

    @Test
    void detectsTesseractOnlyWhereItIs() {
        String previous = System.getProperty("qteria.ocr.tesseract");
        System.setProperty("qteria.ocr.tesseract", "/nonexistent/tesseract");
        try {
            assertThat(Ocr.detect().available()).isFalse();
        } finally {
            if (previous == null) {
                System.clearProperty("qteria.ocr.tesseract");
            } else {
                System.setProperty("qteria.ocr.tesseract", previous);
            }
        }
        assertThat(Ocr.unavailable().available()).isFalse();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Ocr ocr = Ocr.detect();
        assumeTrue(ocr.available(), "tesseract is not installed");
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countOcrDirectories(temp);

        Extractions.of(scannedDocument(), DocumentType.PDF, ExtractionLimits.defaults(), ocr);

        assertThat(countOcrDirectories(temp)).isEqualTo(before);
    }

    private static long countOcrDirectories(Path temp) throws IOException {
        try (var files = Files.list(temp)) {
            return files.filter(path -> path.getFileName().toString().startsWith("qteria-ocr-")).count();
        }
    }

    private Path scannedDocument() throws IOException {
        return GeneratedPdfs.write(directory, "scanned.pdf", pdf(
                page -> page.text(72, 100, 12, "Cover page with a text layer"),
                page -> page.image(GeneratedPdfs.scan(SCANNED), 0, 0, 595, 288)));
    }
}
