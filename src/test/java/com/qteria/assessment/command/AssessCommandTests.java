package com.qteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.SamplePdfs;
import com.qteria.support.ai.FakeAnthropicServer;
import com.qteria.support.ai.FakeModelServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess} end to end in this JVM: a generated workflow and generated PDFs in a temporary directory. */
class AssessCommandTests {

    private static final String CHECKED = """
            {"name": "Reports", "buckets": [
               {"key": "reports", "name": "Test reports", "required": true},
               {"key": "manual", "name": "User manual", "required": false}],
             "criteria": [
               {"key": "tr_standard", "name": "Report cites IEC 62368-1", "applies_to": ["reports"],
                "severity": "required", "checks": [{"type": "contains", "all": ["IEC 62368-1"]}]},
               {"key": "manual_final", "name": "Manual is released", "applies_to": ["manual"],
                "severity": "advisory", "checks": [{"type": "not_contains", "any": ["draft"]}]}]}
            """;

    /** One criterion without checks. */
    private static final String PLAIN = """
            name: Reports
            buckets:
              - key: reports
                name: Test reports
                required: true
            criteria:
              - key: tr_overall_verdict
                name: Test report states an overall PASS verdict
                applies_to: [reports]
            """;

    @TempDir
    Path dir;

    private Path workflow;
    private Path report;
    private Path oldReport;
    private Path manual;

    @BeforeEach
    void files() throws IOException {
        workflow = write("workflow.json", CHECKED);
        report = pdf("report.pdf", "Test specification: IEC 62368-1:2018", "Overall verdict: PASS");
        oldReport = pdf("old-report.pdf", "Test specification: IEC 60950-1:2005");
        manual = pdf("manual.pdf", "User manual, edition 2", "WARNING Risk of electric shock");
    }

    @Test
    void passesWithExitZeroAndPrintsTheResultsJsonOfTheApi() {
        Run run = run("--workflow", workflow.toString(), "--doc", "reports=" + report, "--doc", "manual=" + manual,
                "--as-of", "2025-06-16");

        assertThat(run.exit()).as(run.err()).isZero();
        String json = run.out();
        assertThat(JsonPath.<String>read(json, "$.summary.overall")).isEqualTo("pass");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.summary"))
                .containsExactly(Map.entry("overall", "pass"), Map.entry("passed", 2), Map.entry("failed", 0),
                        Map.entry("needs_review", 0), Map.entry("not_applicable", 0), Map.entry("total", 2));
        assertThat(JsonPath.<String>read(json, "$.results[0].criterion.key")).isEqualTo("tr_standard");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.results[0].criterion"))
                .containsOnlyKeys("id", "key", "name", "severity").containsEntry("severity", "required");
        assertThat(JsonPath.<Map<String, Object>>read(json, "$.results[0]")).containsOnlyKeys("criterion", "verdict",
                "confidence", "source", "reasoning", "evidence", "review").containsEntry("review", null)
                .containsEntry("verdict", "pass").containsEntry("confidence", "high").containsEntry("source", "checks");
        Map<String, Object> evidence = JsonPath.read(json, "$.results[0].evidence[0]");
        assertThat(evidence).containsOnlyKeys("document_id", "document_name", "page", "quote", "verified", "kind")
                .containsEntry("document_name", "report.pdf").containsEntry("page", 1)
                .containsEntry("verified", true).containsEntry("kind", "quote");
        assertThat(UUID.fromString((String) evidence.get("document_id"))).isNotNull();
        assertThat((String) evidence.get("quote")).contains("IEC 62368-1");
        assertThat(json).startsWith("{\n");
    }

    @Test
    void failsWithExitOneWhenARequiredCriterionFails() {
        Run run = run("assess", "--workflow", workflow.toString(), "--doc", "reports=" + oldReport);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(JsonPath.<String>read(run.out(), "$.summary.overall")).isEqualTo("fail");
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].reasoning")).contains("IEC 62368-1");
    }

    @Test
    void aFailedAdvisoryCriterionAloneStillPasses() throws IOException {
        Path draft = pdf("draft.pdf", "User manual - draft edition");

        Run run = run("--workflow", workflow.toString(), "--doc", "reports=" + report, "--doc", "manual=" + draft);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JsonPath.<Integer>read(run.out(), "$.summary.failed")).isEqualTo(1);
        assertThat(JsonPath.<String>read(run.out(), "$.results[1].verdict")).isEqualTo("fail");
    }

    @Test
    void needsReviewWithExitTwoForACriterionWithoutChecks() throws IOException {
        Path plain = write("plain.yaml", PLAIN);

        Run run = run("--workflow", plain.toString(), "--doc", "reports=" + report);

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].source")).isEqualTo("retrieval");
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].confidence")).isEqualTo("low");
        assertThat(JsonPath.<Integer>read(run.out(), "$.results[0].evidence[0].page")).isEqualTo(2);
    }

    @Test
    void criteriaWithoutChecksGoToTheConfiguredAiProviderAsInTheServer() throws IOException {
        Path plain = write("plain.yaml", PLAIN);
        try (FakeAnthropicServer anthropic = new FakeAnthropicServer("sk-ant-command")) {
            anthropic.enqueue(FakeAnthropicServer.text("""
                    {"results": [{"key": "tr_overall_verdict", "verdict": "pass", "confidence": "high",
                      "reasoning": "Page 2 states the overall verdict.", "missing": false,
                      "evidence": [{"document": "D1", "page": 2, "quote": "Overall verdict: PASS"}]}]}""",
                    900, 60, 0, 0));
            Map<String, Object> settings = Map.of("qteria.ai.provider", "anthropic",
                    "qteria.ai.anthropic.api-key", "sk-ant-command", "qteria.ai.anthropic.base-url", anthropic.baseUrl());

            Run run = run(settings, "--workflow", plain.toString(), "--doc", "reports=" + report);

            assertThat(run.exit()).as(run.err()).isEqualTo(0);
            assertThat(anthropic.requestCount()).isEqualTo(1);
            assertThat(JsonPath.<String>read(run.out(), "$.results[0].source")).isEqualTo("ai");
            assertThat(JsonPath.<String>read(run.out(), "$.results[0].verdict")).isEqualTo("pass");
            assertThat(JsonPath.<Boolean>read(run.out(), "$.results[0].evidence[0].verified")).isTrue();

            anthropic.enqueue(FakeAnthropicServer.error(401, "authentication_error", "invalid x-api-key"));
            Run refused = run(settings, "--workflow", plain.toString(), "--doc", "reports=" + report);
            assertThat(refused.exit()).isEqualTo(3);
            assertThat(refused.err()).contains("The AI provider rejected the API key").doesNotContain("sk-ant-command");
        }
    }

    /**
     * The README's sample case: the Low Voltage Directive sample workflow with the Nordlicht test report, declaration
     * and user manual, no risk assessment (an optional bucket). The model passes both criteria without checks, quoting
     * the documents; the two risk-assessment criteria are not applicable, never put to the model, and the whole passes.
     */
    @Test
    void theReadmeSampleCaseWithoutARiskAssessmentPassesWhenEveryApplicableCriterionPasses() throws IOException {
        Path lvd = Files.write(dir.resolve("lvd.json"), resource("/workflow-templates/lvd-ict-equipment.json"));
        List<String> args = new java.util.ArrayList<>(List.of("--workflow", lvd.toString(), "--as-of", "2025-06-16"));
        for (String[] doc : new String[][] {{"test_reports", "tr-nordlicht-nv8240.pdf"},
                {"declaration", "doc-nordlicht-nv8240.pdf"}, {"user_manual", "um-nordlicht-nv8240.pdf"}}) {
            Path file = Files.write(dir.resolve(doc[1]), resource("/samples/documents/" + doc[1]));
            args.addAll(List.of("--doc", doc[0] + "=" + file));
        }
        Map<String, String[]> quotes = Map.of(
                "tr_overall_verdict", new String[] {"tr-nordlicht-nv8240.pdf", "2", "Overall verdict: PASS"},
                "manual_warnings", new String[] {"um-nordlicht-nv8240.pdf", "2", "Risk of electric shock"});
        try (FakeAnthropicServer anthropic = new FakeAnthropicServer("sk-ant-sample")) {
            anthropic.respondByDefault(request -> FakeAnthropicServer.text(passing(request, quotes), 900, 60, 0, 0));
            Map<String, Object> settings = Map.of("qteria.ai.provider", "anthropic",
                    "qteria.ai.anthropic.api-key", "sk-ant-sample", "qteria.ai.anthropic.base-url", anthropic.baseUrl());

            Run run = run(settings, args.toArray(String[]::new));

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(JsonPath.<String>read(run.out(), "$.summary.overall")).isEqualTo("pass");
            assertThat(JsonPath.<Integer>read(run.out(), "$.summary.not_applicable")).isEqualTo(2);
            assertThat(JsonPath.<Integer>read(run.out(), "$.summary.passed")).isEqualTo(8);
            assertThat(JsonPath.<List<String>>read(run.out(),
                    "$.results[?(@.criterion.key =~ /ra_.*/)].verdict")).containsExactly("not_applicable",
                            "not_applicable");
            assertThat(JsonPath.<List<String>>read(run.out(), "$.results[?(@.criterion.key == 'ra_residual')].reasoning"))
                    .containsExactly("Not applicable \u2014 no document in Risk assessment.");
            assertThat(anthropic.requests()).isNotEmpty().allSatisfy(request -> assertThat(
                    FakeAnthropicServer.question(request)).doesNotContain("ra_residual"));
        }
    }

    /** A passing answer for every criterion asked about, quoting the page given in {@code quotes}. */
    private static String passing(FakeModelServer.Recorded request, Map<String, String[]> quotes) {
        String documents = FakeAnthropicServer.documentsBlock(request).path("text").asString();
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<document id=\"(D\\d+)\" name=\"([^\"]+)\"")
                .matcher(documents);
        Map<String, String> idOf = new java.util.HashMap<>();
        while (ids.find()) {
            idOf.put(ids.group(2), ids.group(1));
        }
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("<criterion key=\"([^\"]+)\">")
                .matcher(FakeAnthropicServer.question(request));
        List<String> results = new java.util.ArrayList<>();
        while (keys.find()) {
            String[] quote = quotes.get(keys.group(1));
            results.add("{\"key\": \"" + keys.group(1) + "\", \"verdict\": \"pass\", \"confidence\": \"high\", "
                    + "\"reasoning\": \"The document says so.\", \"missing\": false, \"evidence\": [{\"document\": \""
                    + idOf.get(quote[0]) + "\", \"page\": " + quote[1] + ", \"quote\": \"" + quote[2] + "\"}]}");
        }
        return "{\"results\": [" + String.join(", ", results) + "]}";
    }

    private static byte[] resource(String name) throws IOException {
        try (java.io.InputStream in = AssessCommandTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aDocumentThatCannotBeReadNeedsReviewInsteadOfCrashing() throws IOException {
        Path notPdf = write("report.pdf.txt", "just text");

        Run run = run("--workflow", workflow.toString(), "--doc", "reports=" + notPdf);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].verdict")).isEqualTo("needs_review");
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].reasoning"))
                .contains("report.pdf.txt could not be read: It is neither a PDF nor a Word (DOCX) document. Save it as a PDF or DOCX file and upload that.");
        assertThat(run.err()).contains("report.pdf.txt could not be read");
    }

    @Test
    void readsAWordDocumentRecognisedByItsContent() throws IOException {
        Path word = Files.write(dir.resolve("report.bin"), SamplePdfs.docx("Test report", "Standard: IEC 62368-1:2018"));

        Run run = run("--workflow", workflow.toString(), "--doc", "reports=" + word, "--doc", "manual=" + manual);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JsonPath.<String>read(run.out(), "$.results[0].evidence[0].document_name")).isEqualTo("report.bin");
    }

    @Test
    void printsAReadableTable() {
        Run run = run("--workflow", workflow.toString(), "--doc", "reports=" + oldReport, "--format", "text",
                "--as-of", "2025-06-16");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("Reports · as of 2025-06-16\nOverall: FAIL — 0 passed, 1 failed, 0 need review, "
                + "1 not applicable, of 2 criteria")
                .containsPattern("tr_standard\\s+required\\s+FAIL\\s+high")
                .containsPattern("manual_final\\s+advisory\\s+NOT APPLICABLE\\s+high")
                .contains("why: \u201cIEC 62368-1\u201d not found in old-report.pdf.")
                .contains("why: Not applicable \u2014 no document in User manual.");
        Run passed = run("--workflow", workflow.toString(), "--doc", "reports=" + report, "--format=text");
        assertThat(passed.out()).contains("report.pdf · p. 1 \u201cTest specification: IEC 62368-1:2018\u201d");
    }

    @Test
    void aRequiredBucketWithoutADocumentIsAnErrorNamingIt() {
        Run run = run("--workflow", workflow.toString(), "--doc", "manual=" + report);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("MISSING_REQUIRED_BUCKETS").contains("reports");
    }

    @Test
    void anInvalidWorkflowIsAnErrorListingItsFields() throws IOException {
        Path invalid = write("invalid.json", CHECKED.replace("\"applies_to\": [\"reports\"]", "\"applies_to\": [\"nope\"]")
                .replace("\"IEC 62368-1\"", "\" \""));

        Run run = run("--workflow", invalid.toString(), "--doc", "reports=" + report);

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("is not valid")
                .contains("criteria[0].applies_to[0]: names no bucket of this workflow: nope")
                .contains("criteria[0].checks[0].all[0]: must not be empty");
    }

    @Test
    void usageErrorsMissingFilesAndUnreadableWorkflowsExitThree() throws IOException {
        List<List<String>> wrong = List.of(
                List.of(),
                List.of("--doc", "reports=" + report),
                List.of("--workflow", workflow.toString(), "--doc", "reports"),
                List.of("--workflow", workflow.toString(), "--doc", "reports=" + report, "--as-of", "1.6.2025"),
                List.of("--workflow", workflow.toString(), "--doc", "reports=" + report, "--format", "xml"),
                List.of("--workflow", workflow.toString(), "--doc", "reports=" + report, "--colour"),
                List.of("--workflow", workflow.toString(), "--doc", "reports=" + dir.resolve("missing.pdf")),
                List.of("--workflow", workflow.toString(), "--doc", "reports=" + report, "--doc", "other=" + report),
                List.of("--workflow", dir.resolve("missing.json").toString(), "--doc", "reports=" + report),
                List.of("--workflow", write("broken.json", "{\"name\": ").toString(), "--doc", "reports=" + report),
                List.of("--workflow", write("typed.json", "{\"name\": \"x\", \"buckets\": 3}").toString()));
        for (List<String> args : wrong) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank();
        }
        assertThat(run("--workflow", workflow.toString(), "--colour").err()).contains("Unknown option --colour.")
                .contains("Usage:");
        assertThat(run("--workflow", workflow.toString(), "--doc").err()).contains("--doc needs a value.");
        assertThat(run("--workflow", workflow.toString(), "--doc", "reports=" + dir.resolve("missing.pdf")).err())
                .contains("No such file").contains("missing.pdf");
        assertThat(run("--workflow", workflow.toString(), "--doc", "other=" + report).err())
                .contains("no bucket other").contains("reports (required)");
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Run run(Map<String, Object> settings, String... args) {
        String[] full = args.length > 0 && args[0].equals("assess") ? args : prepend(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AssessCommand.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settings);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] prepend(String[] args) {
        String[] full = new String[args.length + 1];
        full[0] = "assess";
        System.arraycopy(args, 0, full, 1, args.length);
        return full;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path pdf(String name, String... pages) throws IOException {
        return Files.write(dir.resolve(name), SamplePdfs.pdf(pages));
    }

    record Run(int exit, String out, String err) {
    }
}
