package com.qteria.document.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page and time limits, and files that are no PDF at all: rejected with a reason, never thrown. */
class ExtractionLimitsTests {

    @TempDir
    Path directory;

    @Test
    void defaultsAre2000PagesAnd120Seconds() {
        assertThat(ExtractionLimits.defaults()).isEqualTo(new ExtractionLimits(2000, Duration.ofSeconds(120)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtractionLimits(0, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtractionLimits(1, Duration.ZERO));
    }

    @Test
    void rejectsMorePagesThanTheLimitBeforeReadingAny() throws IOException {
        Path file = GeneratedPdfs.write(directory, "three.pdf", GeneratedPdfs.numberedPages(3));

        Extractions result = Extractions.of(file, DocumentType.PDF, new ExtractionLimits(2, Duration.ofSeconds(60)),
                Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("The document has 3 pages and Qteria reads at most 2. Split it into smaller files and upload those.");
        assertThat(result.pages()).isEmpty();
    }

    @Test
    void formatsLargePageCountsForPeople() throws IOException {
        Path file = GeneratedPdfs.write(directory, "many.pdf", GeneratedPdfs.numberedPages(1001));

        Extractions result = Extractions.of(file, DocumentType.PDF, new ExtractionLimits(1000, Duration.ofSeconds(60)),
                Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("The document has 1,001 pages and Qteria reads at most 1,000. Split it into smaller files and upload those.");
    }

    @Test
    void stopsAtTheDeadlineBetweenPages() throws IOException {
        Path file = GeneratedPdfs.write(directory, "pages.pdf", GeneratedPdfs.numberedPages(200));

        Extractions result = Extractions.of(file, DocumentType.PDF, new ExtractionLimits(2000, Duration.ofMillis(1)),
                Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("Reading the document took longer than 0.001 seconds and was stopped. Split it into smaller files and upload those.");
    }

    @Test
    void stopsAtTheDeadlineInsideOneHugeContentStream() throws IOException {
        Path file = directory.resolve("huge-stream.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDStream stream = new PDStream(document);
            try (var out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] operators = "q 1 0 0 1 0 0 cm Q ".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 300; i++) {
                    out.write(operators);
                }
            }
            page.setContents(stream);
            document.save(file.toFile());
        }
        long start = System.nanoTime();

        Extractions result = Extractions.of(file, DocumentType.PDF, new ExtractionLimits(10, Duration.ofMillis(300)),
                Ocr.unavailable());

        assertThat(result.rejection()).isEqualTo("Reading the document took longer than 0.300 seconds and was stopped. Split it into smaller files and upload those.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPageWithACorruptContentStreamDoesNotStopTheDocument() throws IOException {
        Path file = directory.resolve("corrupt-page.pdf");
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(GeneratedPdfs.numberedPages(3))) {
            PDStream broken = new PDStream(document);
            try (var out = broken.createOutputStream()) {
                out.write("BT 72 700 Td (Partly read) Tj ET BI /W 10 /H 10 /BPC 8 /CS /G ID garbage".getBytes(
                        StandardCharsets.US_ASCII));
            }
            broken.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE); // not Flate data: decoding fails
            document.getPage(1).setContents(broken);
            document.save(file.toFile());
        }

        Extractions result = Extractions.pdf(file);

        assertThat(result.extracted().pages()).isEqualTo(3);
        assertThat(result.text(1)).isEqualTo("Page 1");
        assertThat(result.text(3)).isEqualTo("Page 3");
        assertThat(result.extracted().warnings())
                .containsExactly("Page 2 has damaged content: its text may be incomplete.");
    }

    @Test
    void rejectsADamagedFileInPlainWords() throws IOException {
        Path file = directory.resolve("damaged.pdf");
        Files.writeString(file, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage without end",
                StandardCharsets.US_ASCII);

        String reason = Extractions.pdf(file).rejection();

        assertThat(reason).isIn("The file is damaged and cannot be read as a PDF. Export or scan it again and upload the new copy.", "The document has no pages. Upload a copy that has content.");
    }

    @Test
    void rejectsAnEmptyFileAndAWordFileTakenForAPdf() throws IOException {
        Path empty = Files.createFile(directory.resolve("empty.pdf"));
        Path zip = Files.write(directory.resolve("word.pdf"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});

        assertThat(Extractions.pdf(empty).rejection()).isEqualTo("The file is damaged and cannot be read as a PDF. Export or scan it again and upload the new copy.");
        assertThat(Extractions.pdf(zip).rejection()).isEqualTo("The file is damaged and cannot be read as a PDF. Export or scan it again and upload the new copy.");
    }

    @Test
    void throwsOnlyWhenTheFileIsNotThere() {
        DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), Ocr.unavailable());

        org.assertj.core.api.Assertions.assertThatIOException()
                .isThrownBy(() -> extractor.extract(directory.resolve("missing.pdf"), DocumentType.PDF, page -> { }));
    }

    @Test
    void passesSinkFailuresOn() throws IOException {
        Path file = GeneratedPdfs.write(directory, "one.pdf", GeneratedPdfs.numberedPages(1));
        DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), Ocr.unavailable());

        org.assertj.core.api.Assertions.assertThatIOException()
                .isThrownBy(() -> extractor.extract(file, DocumentType.PDF, page -> {
                    throw new IOException("storage is full");
                }))
                .withMessage("storage is full");
    }
}
