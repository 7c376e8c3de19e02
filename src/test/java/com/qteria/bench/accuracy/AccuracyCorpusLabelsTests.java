package com.qteria.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.assessment.command.LabelledCorpus;
import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Guards the labels of the accuracy corpus ({@code bench/accuracy/corpus}): every case labels every criterion of its
 * workflow once, every labelled page exists and shows its {@code quote_contains} in the extracted text (OCR for the
 * scans: those are skipped without tesseract, except under CI=true), and the committed corpus is what the generator
 * makes today.
 */
class AccuracyCorpusLabelsTests {

    private static final Path CORPUS = AccuracyCorpus.DEFAULT.toAbsolutePath();
    private static final LabelledCorpus LABELLED = new LabelledCorpus(CORPUS);
    private static final Set<String> VERDICTS = Set.of("pass", "fail", "needs_review");

    @TempDir
    Path directory;

    @Test
    void everyLabelledQuoteIsOnItsLabelledPage() throws IOException {
        boolean ocr = Ocr.detect().available();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Map<String, List<ExtractedPage>> extracted = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int quotes = 0;
        int skipped = 0;
        for (Path casePath : LABELLED.cases()) {
            JsonNode kase = LABELLED.read(casePath);
            String name = kase.get("case").asString();
            JsonNode workflow = LABELLED.read(CORPUS.resolve(kase.get("workflow").asString()));
            Set<String> keys = new HashSet<>();
            for (JsonNode criterion : workflow.get("criteria")) {
                keys.add(criterion.get("key").asString());
            }
            Set<String> labelled = new HashSet<>();
            for (JsonNode expected : kase.get("expected")) {
                String key = expected.get("criterion").asString();
                assertThat(labelled.add(key)).as(name + " labels " + key + " once").isTrue();
                assertThat(VERDICTS).as(name + " " + key).contains(expected.get("verdict").asString());
                assertThat(expected.get("why").asString()).as(name + " " + key + " says why").isNotBlank();
                for (JsonNode evidence : expected.get("evidence")) {
                    String file = evidence.get("file").asString();
                    List<ExtractedPage> pages = extracted.computeIfAbsent(file, f -> extract(CORPUS.resolve(f)));
                    int page = evidence.get("page").asInt();
                    assertThat(page).as(name + " " + key + ": page of " + file).isBetween(1, pages.size());
                    JsonNode quote = evidence.get("quote_contains");
                    if (quote == null || quote.isNull()) {
                        continue;
                    }
                    ExtractedPage text = pages.get(page - 1);
                    if (text.needsOcr() && !ocr) {
                        assertThat(ci).as("CI has tesseract for " + file).isFalse();
                        skipped++;
                        continue;
                    }
                    quotes++;
                    if (!NormalizedText.normalize(text.text(), Form.PHRASES)
                            .contains(NormalizedText.normalize(quote.asString(), Form.PHRASES))) {
                        problems.add(name + " " + key + ": \"" + quote.asString() + "\" not on " + file + " p. " + page);
                    }
                }
            }
            assertThat(labelled).as(name + " labels every criterion of its workflow").isEqualTo(keys);
        }
        System.out.printf("accuracy corpus labels: %d quotes found on their pages, %d on scans skipped (no OCR)%n",
                quotes - problems.size(), skipped);
        assertThat(quotes).isPositive();
        assertThat(problems).as("labelled quotes missing from their pages").isEmpty();
    }

    @Test
    void aDigitalSignatureIsLabelledWithThePageOfItsField() throws IOException {
        int fields = 0;
        for (Path casePath : LABELLED.cases()) {
            for (JsonNode expected : LABELLED.read(casePath).get("expected")) {
                if (!expected.path("class").asString("").equals("digital_signature")) {
                    continue;
                }
                for (JsonNode evidence : expected.get("evidence")) {
                    try (PDDocument pdf = Loader.loadPDF(CORPUS.resolve(evidence.get("file").asString()).toFile())) {
                        List<PDSignatureField> signatures = pdf.getSignatureFields();
                        assertThat(signatures).hasSize(1);
                        PDAnnotationWidget widget = signatures.get(0).getWidgets().get(0);
                        assertThat(pdf.getPages().indexOf(widget.getPage()) + 1).as(evidence.toString())
                                .isEqualTo(evidence.get("page").asInt());
                        assertThat(widget.getRectangle().getWidth()).isPositive();
                        fields++;
                    }
                }
            }
        }
        assertThat(fields).isEqualTo(2);
    }

    @Test
    void theCommittedCorpusIsWhatTheGeneratorMakes() throws IOException {
        AccuracyCorpus.main(new String[] {directory.toString()});
        List<String> different = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path made : files) {
            Path relative = directory.relativize(made);
            Path committed = CORPUS.resolve(relative.toString());
            if (!Files.exists(committed)) {
                different.add(relative + " (not committed)");
            } else if (relative.toString().endsWith("-signed.pdf") || relative.toString().endsWith("-modified.pdf")) {
                // PDFBox writes a fresh trailer ID into an incremental update: same size, a few different bytes.
                if (Files.size(made) != Files.size(committed)) {
                    different.add(relative + " (size)");
                }
            } else if (relative.toString().endsWith("-scan.pdf")) {
                // A scan's pixels depend on the font PDFBox substitutes for Helvetica on this machine and on the JPEG
                // encoder of the JDK: same page count is all that can be asked everywhere.
                if (pageCount(made) != pageCount(committed)) {
                    different.add(relative + " (pages)");
                }
            } else if (Files.mismatch(made, committed) != -1) {
                different.add(relative.toString());
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        assertThat(different).as("files that differ from a fresh generation: run bench/accuracy/generate.sh").isEmpty();
    }

    private static int pageCount(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages();
        }
    }

    private static List<ExtractedPage> extract(Path file) {
        try {
            return Extractions.of(file, DocumentType.PDF, ExtractionLimits.defaults(), Ocr.detect()).pages();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
