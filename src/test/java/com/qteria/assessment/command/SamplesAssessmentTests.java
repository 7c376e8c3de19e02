package com.qteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled sample corpus ({@code ../shared/samples}, read in place) through the {@code assess} command, exactly
 * as {@code bench/accuracy/run.sh} runs it through the jar: every criterion with checks agrees with its label, nothing
 * passes falsely, every criterion without checks needs review with the labelled page among its (at most three)
 * passages in at least 80 % of the cases. Skipped where the corpus is absent.
 */
class SamplesAssessmentTests {

    private static final Path SAMPLES = Path.of("..", "shared", "samples").toAbsolutePath().normalize();
    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void theSampleCasesMeetTheAcceptanceFigures() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES.resolve("cases")), "no sample corpus at " + SAMPLES);
        List<String> disagreements = new ArrayList<>();
        List<String> falsePasses = new ArrayList<>();
        int checked = 0;
        int withoutChecks = 0;
        int reviewed = 0;
        int labelled = 0;
        int hits = 0;
        for (Path casePath : cases()) {
            JsonNode kase = JSON.readTree(casePath.toFile());
            String name = kase.get("case").asString();
            JsonNode workflow = JSON.readTree(SAMPLES.resolve(kase.get("workflow").asString()).toFile());
            JsonNode results = assess(kase);
            for (JsonNode expected : kase.get("expected")) {
                String key = expected.get("criterion").asString();
                String label = expected.get("verdict").asString();
                JsonNode result = find(results.get("results"), key);
                String verdict = result.get("verdict").asString();
                if (verdict.equals("pass") && !label.equals("pass")) {
                    falsePasses.add(name + " " + key);
                }
                if (hasChecks(workflow, key)) {
                    checked++;
                    if (!verdict.equals(label)) {
                        disagreements.add(name + " " + key + ": " + verdict + ", labelled " + label);
                    }
                    continue;
                }
                withoutChecks++;
                reviewed += verdict.equals("needs_review") ? 1 : 0;
                assertThat(result.get("evidence").size()).isLessThanOrEqualTo(3);
                if (!expected.get("evidence").isEmpty()) {
                    labelled++;
                    hits += pages(expected.get("evidence"), "file").stream()
                            .anyMatch(pages(result.get("evidence"), "document_name")::contains) ? 1 : 0;
                }
            }
        }
        System.out.printf("assess on the samples: checks %d of %d agree, %d false passes; without checks %d of %d "
                + "need review, labelled page in the top 3 for %d of %d%n", checked - disagreements.size(), checked,
                falsePasses.size(), reviewed, withoutChecks, hits, labelled);
        assertThat(checked).isPositive();
        assertThat(falsePasses).as("false passes").isEmpty();
        assertThat(disagreements).as("criteria with checks that disagree with their label").isEmpty();
        assertThat(reviewed).isEqualTo(withoutChecks);
        assertThat(hits).as("labelled pages among the passages").isGreaterThanOrEqualTo((int) Math.ceil(0.8 * labelled));
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve("cases"))) {
            return files.filter(p -> p.getFileName().toString().matches("case-.*\\.json")).sorted().toList();
        }
    }

    /** The same command line as bench/accuracy/run.sh gives the jar. */
    private static JsonNode assess(JsonNode kase) {
        List<String> args = new ArrayList<>(List.of("assess", "--workflow",
                SAMPLES.resolve(kase.get("workflow").asString()).toString()));
        for (JsonNode document : kase.get("documents")) {
            args.addAll(List.of("--doc", document.get("bucket").asString() + "="
                    + SAMPLES.resolve(document.get("file").asString())));
        }
        args.addAll(List.of("--as-of", kase.get("assessment_date").asString(), "--format", "json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AssessCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isBetween(0, 2);
        JsonNode results = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        String overall = results.get("summary").get("overall").asString();
        assertThat(exit).isEqualTo(switch (overall) {
            case "pass" -> 0;
            case "fail" -> 1;
            default -> 2;
        });
        return results;
    }

    private static JsonNode find(JsonNode results, String key) {
        for (JsonNode result : results) {
            if (result.get("criterion").get("key").asString().equals(key)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + key);
    }

    private static boolean hasChecks(JsonNode workflow, String key) {
        for (JsonNode criterion : workflow.get("criteria")) {
            if (criterion.get("key").asString().equals(key)) {
                return criterion.has("checks") && !criterion.get("checks").isEmpty();
            }
        }
        throw new AssertionError("no criterion " + key);
    }

    private static Set<String> pages(JsonNode evidence, String fileField) {
        Set<String> pages = new HashSet<>();
        for (JsonNode e : evidence) {
            pages.add(Path.of(e.get(fileField).asString()).getFileName() + "#" + e.get("page").asInt());
        }
        return pages;
    }
}
