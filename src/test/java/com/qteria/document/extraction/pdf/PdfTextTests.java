package com.qteria.document.extraction.pdf;

import static com.qteria.document.extraction.GeneratedPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedPdfs;
import com.qteria.document.WordBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text of generated PDFs: reading order, hyphenation, ligatures, umlauts, tables, word boxes. */
class PdfTextTests {

    @TempDir
    Path directory;

    @Test
    void readsTwoColumnsOneAfterTheOther() throws IOException {
        List<String> left = List.of("The first column starts here and", "continues with a second line of",
                "ordinary prose about the device", "and ends with its fourth line.");
        List<String> right = List.of("The second column begins at the", "same height as the first one and",
                "is only read after the whole", "first column has been read.");
        Path file = write(pdf(page -> {
            page.lines(50, 100, 10, 12, left);
            page.lines(310, 100, 10, 12, right);
        }));

        assertThat(Extractions.pdf(file).text(1))
                .isEqualTo(String.join("\n", left) + "\n" + String.join("\n", right));
    }

    @Test
    void readsATitleAboveTwoColumnsThenEachColumn() throws IOException {
        Path file = write(pdf(page -> {
            page.text(50, 60, 16, "Technical documentation summary for the device");
            page.lines(50, 100, 10, 12, List.of("Left column text line one here", "left column text line two here",
                    "left column text line three."));
            page.lines(310, 100, 10, 12, List.of("Right column text line one here", "right column text line two here",
                    "right column text line three."));
            page.text(50, 200, 10, "A closing paragraph spans the whole width of the page below both columns.");
        }));

        String text = Extractions.pdf(file).text(1);

        assertThat(text).startsWith("Technical documentation summary for the device\n\nLeft column text line one here")
                .contains("left column text line three.\nRight column text line one here")
                .endsWith("right column text line three.\n\nA closing paragraph spans the whole width of the page "
                        + "below both columns.");
    }

    @Test
    void joinsEndOfLineHyphenationButKeepsRealHyphens() throws IOException {
        Path file = write(pdf(page -> page.lines(72, 100, 11, 14, List.of(
                "The notified body checks the certifi-",
                "cation of the device against EN 60601-",
                "1 and reviews the Hersteller-",
                "Angaben as well as the Prüf-Zeichen of ISO 14971-2.",
                "Self-assessment is documented."))));

        assertThat(Extractions.pdf(file).text(1)).isEqualTo(
                "The notified body checks the certification of the device against EN 60601-1 and reviews the "
                        + "Hersteller-Angaben as well as the Prüf-Zeichen of ISO 14971-2.\nSelf-assessment is documented.");
    }

    @Test
    void expandsLigatures() throws IOException {
        Path file = write(pdf(page -> page.text(72, 100, 12,
                "The \uFB01nal certi\uFB01cation \uFB02ows from e\uFB00ective, e\uFB03cient, ba\uFB04ing "
                        + "te\uFB05 and Kunst\uFB06ück.")));

        assertThat(Extractions.pdf(file).text(1))
                .isEqualTo("The final certification flows from effective, efficient, baffling test and Kunststück.");
    }

    @Test
    void keepsGermanUmlautsComposed() throws IOException {
        Path file = write(pdf(page -> {
            page.text(72, 100, 12, "Prüfbericht für Geräte: Maßnahmen zur Übereinstimmung, Größe, Öl.");
            page.text(72, 130, 12, "Zerlegt: Gera\u0308te fu\u0308r O\u0308sterreich.");
        }));

        String text = Extractions.pdf(file).text(1);

        assertThat(text).isEqualTo("Prüfbericht für Geräte: Maßnahmen zur Übereinstimmung, Größe, Öl.\n"
                + "Zerlegt: Geräte für Österreich.");
        assertThat(text).isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
    }

    @Test
    void readsATableRowByRowWithTabsBetweenCells() throws IOException {
        String[][] rows = {{"Clause", "Requirement", "Verdict"}, {"4.1", "Marking", "P"},
                {"4.2", "Instructions for use", "P"}, {"5.3", "Leakage current", "F"}};
        Path file = write(pdf(page -> {
            for (int r = 0; r < rows.length; r++) {
                page.text(50, 100 + r * 16, 10, rows[r][0]);
                page.text(150, 100 + r * 16, 10, rows[r][1]);
                page.text(450, 100 + r * 16, 10, rows[r][2]);
            }
        }));

        assertThat(Extractions.pdf(file).text(1)).isEqualTo("""
                Clause\tRequirement\tVerdict
                4.1\tMarking\tP
                4.2\tInstructions for use\tP
                5.3\tLeakage current\tF""");
    }

    @Test
    void readsATableWithWrappedCellsRowByRow() throws IOException {
        String[][] rows = {
                {"4.1", "Equipment shall be marked with the", "rated supply voltage.", "Marked 230 V", "P"},
                {"4.2", "Instructions for use shall be supplied", "with the equipment.", "Supplied", "P"},
                {"5.1", "Leakage current shall not exceed the", "limits of table 3.", "0.8 mA", "F"}};
        Path file = write(pdf(page -> {
            for (int r = 0; r < rows.length; r++) {
                float y = 100 + r * 34;
                page.text(50, y, 10, rows[r][0]);
                page.lines(110, y, 10, 12, List.of(rows[r][1], rows[r][2]));
                page.text(360, y, 10, rows[r][3]);
                page.text(500, y, 10, rows[r][4]);
            }
        }));

        String text = Extractions.pdf(file).text(1);

        assertThat(text).containsSubsequence("4.1\tEquipment shall be marked with the\tMarked 230 V\tP",
                "rated supply voltage.", "4.2\tInstructions for use shall be supplied\tSupplied\tP",
                "with the equipment.", "5.1\tLeakage current shall not exceed the\t0.8 mA\tF", "limits of table 3.");
    }

    @Test
    void wordBoxesIndexTheTextAndLieOnThePage() throws IOException {
        Path file = write(pdf(page -> {
            page.lines(50, 100, 10, 12, List.of("The notified body and its certifi-", "cation body reviews ﬁles",
                    "of the manufacturer in detail."));
            page.lines(310, 100, 10, 12, List.of("Second column words are read", "after all the words of the",
                    "first column have been read."));
        }));

        ExtractedPage page = Extractions.pdf(file).pages().get(0);

        assertThat(page.words()).isNotEmpty().allSatisfy(box -> {
            String word = page.text().substring(box.start(), box.end());
            assertThat(word).isNotBlank().doesNotContainAnyWhitespaces();
            assertThat(box.x()).isBetween(0f, 1f);
            assertThat(box.y()).isBetween(0f, 1f);
            assertThat(box.x() + box.width()).isBetween(0f, 1f);
            assertThat(box.y() + box.height()).isBetween(0f, 1f);
        });
        assertThat(page.words()).extracting(box -> page.text().substring(box.start(), box.end()))
                .containsExactly("The", "notified", "body", "and", "its", "certifi", "cation", "body", "reviews",
                        "files", "of", "the", "manufacturer", "in", "detail.", "Second", "column", "words", "are",
                        "read", "after", "all", "the", "words", "of", "the", "first", "column", "have", "been", "read.");
        WordBox the = page.words().get(0);
        assertThat(the.x()).isCloseTo(50f / 595, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(the.y() + the.height()).isCloseTo(100f / 842, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(page.text().indexOf("certification")).isEqualTo(page.words().get(5).start());
    }

    @Test
    void wordBoxesFollowThePageRotation() throws IOException {
        Path file = write(pdf(document -> { }, 90, page -> page.text(72, 100, 12, "Rotated page text")));

        ExtractedPage page = Extractions.pdf(file).pages().get(0);

        assertThat(page.text()).isEqualTo("Rotated page text");
        WordBox first = page.words().get(0);
        // Rotated 90° clockwise for display: the line runs down the right-hand side of the displayed page.
        assertThat(first.x()).isGreaterThan(0.8f);
        assertThat(first.y()).isCloseTo(72f / 595, org.assertj.core.data.Offset.offset(0.02f));
        assertThat(first.height()).isGreaterThan(first.width());
    }

    @Test
    void aBlankPageIsEmptyButNeedsNoOcr() throws IOException {
        Path file = write(pdf(page -> { }, page -> page.text(72, 100, 12, "Second page")));

        Extractions result = Extractions.pdf(file);

        assertThat(result.pages()).extracting(ExtractedPage::text).containsExactly("", "Second page");
        assertThat(result.pages()).noneMatch(ExtractedPage::needsOcr);
        assertThat(result.extracted().warnings()).isEmpty();
    }

    private Path write(byte[] pdf) throws IOException {
        return GeneratedPdfs.write(directory, "test.pdf", pdf);
    }
}
