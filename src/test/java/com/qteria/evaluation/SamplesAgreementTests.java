package com.qteria.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import com.qteria.workflow.WorkflowInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled sample corpus ({@code ../shared/samples}, read in place, never copied): every criterion with checks
 * agrees with its label and nothing passes falsely; for criteria without checks, the labelled evidence page is among
 * the three retrieval passages in at least 80 % of the cases. Skipped where the corpus is not present.
 */
class SamplesAgreementTests {

    private static final Path SAMPLES = Path.of("..", "shared", "samples").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Evaluation evaluation = new Evaluation();
    private final DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), Ocr.unavailable());
    private final Map<String, List<String>> pagesByFile = new HashMap<>();

    @Test
    void checksAgreeWithTheLabelsAndRetrievalFindsTheLabelledPages() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES.resolve("cases")), "no sample corpus at " + SAMPLES);
        List<String> disagreements = new ArrayList<>();
        List<String> falsePasses = new ArrayList<>();
        int checked = 0;
        int retrieved = 0;
        int retrievalHits = 0;
        try (Stream<Path> files = Files.list(SAMPLES.resolve("cases"))) {
            for (Path casePath : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode kase = JSON.readTree(casePath.toFile());
                String name = kase.get("case").asString();
                LocalDate asOf = LocalDate.parse(kase.get("assessment_date").asString());
                List<Criterion> criteria = criteria(SAMPLES.resolve(kase.get("workflow").asString()));
                List<EvaluatedDocument> documents = new ArrayList<>();
                for (JsonNode doc : kase.get("documents")) {
                    String file = doc.get("file").asString();
                    documents.add(new EvaluatedDocument(UUID.nameUUIDFromBytes(file.getBytes()),
                            Path.of(file).getFileName().toString(), doc.get("bucket").asString(), pages(file),
                            List.of()));
                }
                for (JsonNode expected : kase.get("expected")) {
                    String key = expected.get("criterion").asString();
                    Criterion criterion = criteria.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
                    Finding finding = evaluation.evaluate(criterion, documents, asOf);
                    assertQuotesExact(finding, documents);
                    String label = expected.get("verdict").asString();
                    if (criterion.checks() != null && !criterion.checks().isEmpty()) {
                        checked++;
                        if (!finding.verdict().json().equals(label)) {
                            disagreements.add(name + " " + key + ": " + finding.verdict().json() + " (label " + label
                                    + ") — " + finding.reasoning());
                        }
                        if (finding.verdict() == Verdict.PASS && !label.equals("pass")) {
                            falsePasses.add(name + " " + key);
                        }
                        System.out.printf("%s %-20s %-12s label %-5s %s%n", name, key, finding.verdict().json(), label,
                                finding.reasoning().replace('\n', ' '));
                    } else {
                        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
                        assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
                        assertThat(finding.source()).isEqualTo(Source.RETRIEVAL);
                        assertThat(finding.evidence()).hasSizeLessThanOrEqualTo(3);
                        if (expected.get("evidence").isEmpty()) {
                            continue;
                        }
                        retrieved++;
                        boolean hit = false;
                        for (JsonNode labelled : expected.get("evidence")) {
                            String file = Path.of(labelled.get("file").asString()).getFileName().toString();
                            int page = labelled.get("page").asInt();
                            hit |= finding.evidence().stream()
                                    .anyMatch(e -> e.documentName().equals(file) && e.page() == page);
                        }
                        retrievalHits += hit ? 1 : 0;
                        System.out.printf("%s %-20s retrieval %s labelled %s, got %s%n", name, key, hit ? "HIT " : "MISS",
                                expected.get("evidence").get(0).get("page").asInt(),
                                finding.evidence().stream().map(e -> e.documentName() + " p" + e.page() + " \u201c"
                                        + e.quote().replace('\n', ' ') + "\u201d").toList());
                    }
                }
            }
        }
        System.out.printf("checks: %d of %d agree with their labels, %d false passes; retrieval: labelled page in "
                + "the top %d for %d of %d (%.0f %%)%n", checked - disagreements.size(), checked, falsePasses.size(),
                Evaluation.PASSAGES, retrievalHits, retrieved, 100.0 * retrievalHits / Math.max(1, retrieved));
        assertThat(falsePasses).as("false passes").isEmpty();
        assertThat(disagreements).as("criteria with checks that disagree with their label").isEmpty();
        assertThat(retrievalHits).as("labelled pages among the top passages").isGreaterThanOrEqualTo(
                (int) Math.ceil(0.8 * retrieved));
    }

    private static void assertQuotesExact(Finding finding, List<EvaluatedDocument> documents) {
        List<Evidence> all = new ArrayList<>(finding.evidence());
        finding.checks().forEach(c -> all.addAll(c.evidence()));
        for (Evidence e : all) {
            String page = documents.stream().filter(d -> d.id().equals(e.documentId())).findFirst().orElseThrow()
                    .page(e.page());
            assertThat(e.verified()).isTrue();
            assertThat(page.substring(e.start(), e.end())).isEqualTo(e.quote());
        }
    }

    private List<String> pages(String file) throws IOException {
        List<String> cached = pagesByFile.get(file);
        if (cached != null) {
            return cached;
        }
        List<String> pages = new ArrayList<>();
        ExtractionOutcome outcome = extractor.extract(SAMPLES.resolve(file), DocumentType.PDF,
                page -> pages.add(page.text()));
        assertThat(outcome).isInstanceOf(ExtractionOutcome.Extracted.class);
        pagesByFile.put(file, pages);
        return pages;
    }

    private static List<Criterion> criteria(Path workflow) {
        WorkflowInput input = JSON.readValue(workflow.toFile(), WorkflowInput.class);
        return input.criteria().stream().map(c -> new Criterion(UUID.randomUUID(), c.key(), c.name(),
                c.description(), c.appliesTo(), Severity.fromKey(c.severity()).orElse(Severity.REQUIRED),
                c.order() == null ? 0 : c.order(), c.checks() == null ? List.of() : c.checks())).toList();
    }
}
