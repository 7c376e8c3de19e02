package com.qteria.document.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.support.SamplePdfs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text caps hold whatever the format: a page's text is cut at its cap, a document over its cap is rejected. */
class TextCapsTests {

    private static final ExtractionLimits TWENTY_A_PAGE = new ExtractionLimits(10, Duration.ofSeconds(60), 20, 1_000,
            ExtractionLimits.DEFAULT_MAX_UNPACKED_BYTES);

    @TempDir
    Path directory;

    @Test
    void aPdfPageBeyondTheCapIsCutWithItsWordBoxesAndAWarningNamingIt() throws IOException {
        Path file = GeneratedPdfs.write(directory, "long.pdf",
                SamplePdfs.pdf("Short first page", "The second page has a long line of text", "Third"));

        Extractions result = Extractions.of(file, DocumentType.PDF, TWENTY_A_PAGE, Ocr.unavailable());

        assertThat(result.extracted().pages()).isEqualTo(3);
        assertThat(result.text(1)).isEqualTo("Short first page");
        assertThat(result.text(2)).isEqualTo("The second page has");
        assertThat(result.pages().get(1).words()).hasSize(4)
                .allSatisfy(word -> assertThat(word.end()).isLessThanOrEqualTo(19));
        assertThat(result.text(3)).isEqualTo("Third");
        assertThat(result.extracted().warnings())
                .containsExactly("Page 2 has more than 20 characters of text: only the first 20 were read.");
    }

    @Test
    void wordPagesBeyondTheCapAreCutTooAndOneWarningNamesThemAll() throws IOException {
        Path file = GeneratedPdfs.write(directory, "long.docx",
                SamplePdfs.docxPages("The first page is longer than twenty characters", "Short",
                        "The third page is long as well"));

        Extractions result = Extractions.of(file, DocumentType.DOCX, TWENTY_A_PAGE, Ocr.unavailable());

        assertThat(result.pages()).extracting(ExtractedPage::text)
                .containsExactly("The first page is lo", "Short", "The third page is lo");
        assertThat(result.extracted().warnings()).containsExactly(
                "2 pages have more than 20 characters of text: only the first 20 of each were read (pages 1, 3).");
    }

    @Test
    void aDocumentWithMoreTextThanItsCapIsRejectedWhateverTheFormat() throws IOException {
        ExtractionLimits fifteen = new ExtractionLimits(10, Duration.ofSeconds(60), 100, 15,
                ExtractionLimits.DEFAULT_MAX_UNPACKED_BYTES);
        String reason = "The document has more than 15 characters of text, and Qteria reads at most 15. Split it into "
                + "smaller files and upload those.";

        Path pdf = GeneratedPdfs.write(directory, "three.pdf", GeneratedPdfs.numberedPages(3));
        Path docx = GeneratedPdfs.write(directory, "three.docx", SamplePdfs.docxPages("Page 1", "Page 2", "Page 3"));

        assertThat(Extractions.of(pdf, DocumentType.PDF, fifteen, Ocr.unavailable()).rejection()).isEqualTo(reason);
        assertThat(Extractions.of(docx, DocumentType.DOCX, fifteen, Ocr.unavailable()).rejection()).isEqualTo(reason);
    }

    @Test
    void textAtTheCapsIsReadWholeAndWhiteSpaceAfterTheCapIsNoReasonToWarn() throws IOException {
        ExtractionLimits exactly = new ExtractionLimits(10, Duration.ofSeconds(60), 6, 18,
                ExtractionLimits.DEFAULT_MAX_UNPACKED_BYTES);
        Path pdf = GeneratedPdfs.write(directory, "three.pdf", GeneratedPdfs.numberedPages(3));

        Extractions result = Extractions.of(pdf, DocumentType.PDF, exactly, Ocr.unavailable());

        assertThat(result.pages()).extracting(ExtractedPage::text).containsExactly("Page 1", "Page 2", "Page 3");
        assertThat(result.extracted().warnings()).isEmpty();

        Path docx = GeneratedPdfs.write(directory, "spaces.docx", SamplePdfs.docxPages("Page 1      ", "Page 2"));
        Extractions word = Extractions.of(docx, DocumentType.DOCX, exactly, Ocr.unavailable());

        assertThat(word.pages()).extracting(ExtractedPage::text).containsExactly("Page 1", "Page 2");
        assertThat(word.extracted().warnings()).isEmpty();
    }
}
