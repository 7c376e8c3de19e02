package com.qteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled corpus in the layout of {@code ../shared/samples} ({@code workflows/}, {@code documents/},
 * {@code cases/case-NN.json}) run through the {@code assess} command in-process, exactly as
 * {@code bench/accuracy/run.sh} runs it through the jar. Shared by the tests of the sample corpus and of the accuracy
 * corpus of {@code bench/accuracy/corpus}.
 */
public final class LabelledCorpus {

    private static final JsonMapper JSON = new JsonMapper();

    private final Path root;

    public LabelledCorpus(Path root) {
        this.root = root;
    }

    boolean present() {
        return Files.isDirectory(root.resolve("cases"));
    }

    Path root() {
        return root;
    }

    /** One labelled criterion of one case with the result {@code assess} gave it. */
    record Outcome(String caseName, String key, JsonNode expected, JsonNode criterion, JsonNode result) {

        String label() {
            return expected.get("verdict").asString();
        }

        String verdict() {
            return result.get("verdict").asString();
        }

        boolean checked() {
            return criterion.has("checks") && !criterion.get("checks").isEmpty();
        }

        boolean falsePass() {
            return verdict().equals("pass") && !label().equals("pass");
        }

        /** The labelled evidence has a page; whether one of them is among the result's evidence pages. */
        boolean labelled() {
            return !expected.get("evidence").isEmpty();
        }

        boolean pageHit() {
            Set<String> got = pages(result.get("evidence"), "document_name");
            return pages(expected.get("evidence"), "file").stream().anyMatch(got::contains);
        }

        String name() {
            return caseName + " " + key;
        }

        String evidencePages() {
            List<String> pages = new ArrayList<>();
            for (JsonNode e : result.get("evidence")) {
                pages.add(e.path("document_name").asString("") + " p. " + e.path("page").asInt(0)
                        + (e.has("kind") ? " (" + e.get("kind").asString() + ")" : ""));
            }
            return pages.isEmpty() ? "no evidence" : String.join(", ", pages);
        }
    }

    /** Runs every case and pairs each labelled criterion with its result. */
    List<Outcome> assessAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path casePath : cases()) {
            JsonNode kase = JSON.readTree(casePath.toFile());
            String name = kase.get("case").asString();
            JsonNode workflow = JSON.readTree(root.resolve(kase.get("workflow").asString()).toFile());
            JsonNode results = assess(kase);
            for (JsonNode expected : kase.get("expected")) {
                String key = expected.get("criterion").asString();
                outcomes.add(new Outcome(name, key, expected, criterion(workflow, key), find(results.get("results"),
                        key)));
            }
        }
        return outcomes;
    }

    public List<Path> cases() {
        try (Stream<Path> files = Files.list(root.resolve("cases"))) {
            return files.filter(p -> p.getFileName().toString().matches("case-.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    /** The same command line as bench/accuracy/run.sh gives the jar. */
    JsonNode assess(JsonNode kase) {
        List<String> args = new ArrayList<>(List.of("assess", "--workflow",
                root.resolve(kase.get("workflow").asString()).toString()));
        for (JsonNode document : kase.get("documents")) {
            args.addAll(List.of("--doc", document.get("bucket").asString() + "="
                    + root.resolve(document.get("file").asString())));
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

    static JsonNode find(JsonNode results, String key) {
        for (JsonNode result : results) {
            if (result.get("criterion").get("key").asString().equals(key)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + key);
    }

    static JsonNode criterion(JsonNode workflow, String key) {
        for (JsonNode criterion : workflow.get("criteria")) {
            if (criterion.get("key").asString().equals(key)) {
                return criterion;
            }
        }
        throw new AssertionError("no criterion " + key);
    }

    static Set<String> pages(JsonNode evidence, String fileField) {
        Set<String> pages = new HashSet<>();
        for (JsonNode e : evidence) {
            pages.add(Path.of(e.path(fileField).asString("")).getFileName() + "#" + e.path("page").asInt(0));
        }
        return pages;
    }
}
