package com.qteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description passes Redocly CLI's recommended rules (redocly.yaml) without an error, as an integrator's
 * linter runs it. The CLI is the one pinned in .ci/redocly, installed by .ci/run; without it (or without Node) that
 * test is skipped, except in CI, where a missing linter is a failure. What integrators rely on most — a summary, a
 * readable operationId and the problem answers of API.md on every operation — is also checked without the CLI.
 */
@QteriaTest
class OpenApiLintTests {

    static final Path CLI = Path.of(".ci/redocly/node_modules/.bin/redocly");
    static final Path DESCRIPTION = Path.of("target/openapi/api-docs.json");
    /**
     * The warnings left: info-license (no license has been chosen for the API) and operation-4xx-response on
     * GET /api/version, which needs no token and answers no client error.
     */
    static final int ACCEPTED_WARNINGS = 2;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void theOpenApiDescriptionPassesTheRecommendedRules() throws Exception {
        requireLinter();
        Files.createDirectories(DESCRIPTION.getParent());
        Files.writeString(DESCRIPTION, mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));

        Lint lint = lint(DESCRIPTION);

        assertThat(lint.errors()).as(lint.output()).isZero();
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.warnings()).as(lint.output()).isBetween(0, ACCEPTED_WARNINGS);
    }

    @Test
    void everyOperationHasASummaryAReadableIdAndItsProblemAnswers() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                assertThat(operation.path("summary").asString("")).as("summary of " + name).isNotBlank();
                assertThat(operation.path("operationId").asString("")).as("operationId of " + name)
                        .matches("[a-z][A-Za-z]+");
                assertThat(operationIds.add(operation.path("operationId").asString())).as("unique id of " + name)
                        .isTrue();
                JsonNode responses = operation.path("responses");
                assertThat(responses.path("500").path("$ref").asString("")).as("500 of " + name)
                        .isEqualTo("#/components/responses/Internal");
                if (path.getKey().contains("{")) {
                    assertThat(responses.has("404")).as("404 of " + name).isTrue();
                }
                if (!operation.has("security")) {
                    assertThat(responses.has("401") && responses.has("403")).as("401 and 403 of " + name).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(43);
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code", "request_id",
                        "errors");
        assertThat(api.path("components").path("responses").path("RateLimited").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(api.at("/paths/~1api~1v1~1assessments~1{id}~1results/get/responses/409/$ref").asString(""))
                .isEqualTo("#/components/responses/AssessmentNotReady");
    }

    @Test
    void everyParameterSaysWhatItIsAndEveryListTakesPageAndSize() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    assertThat(parameter.path("description").asString("")).as(parameter.path("name").asString()
                            + " of " + name).isNotBlank();
                }
            }
        }
        JsonNode users = api.at("/paths/~1api~1v1~1users/get/parameters");
        assertThat(List.of(users.path(0).path("name").asString(), users.path(1).path("name").asString()))
                .containsExactly("page", "size");
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.get(1).path("schema").path("type").asString()).isEqualTo("integer");
        JsonNode workflowId = api.at("/paths/~1api~1v1~1workflows~1{id}/get/parameters/0");
        assertThat(workflowId.path("description").asString()).isEqualTo("The workflow's id.");
        assertThat(workflowId.path("schema").path("format").asString()).isEqualTo("uuid");
    }

    private static void requireLinter() {
        boolean available = Files.isExecutable(CLI) && runs("node", "--version");
        String reason = "Redocly CLI not installed: run npm ci --prefix .ci/redocly (Node 20.19 or newer)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(available).as(reason).isTrue();
        }
        assumeTrue(available, reason);
    }

    private Lint lint(Path description) throws IOException, InterruptedException {
        Path report = description.resolveSibling("lint.json");
        Path log = description.resolveSibling("lint.log");
        Process process = new ProcessBuilder(CLI.toString(), "lint", description.toString(), "--config", "redocly.yaml",
                "--format", "json").redirectOutput(report.toFile()).redirectError(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("Redocly CLI finished within 5 minutes").isTrue();
        JsonNode totals = json.readTree(report.toFile()).path("totals");
        String output = Files.readString(report) + Files.readString(log);
        return new Lint(process.exitValue(), totals.path("errors").asInt(-1), totals.path("warnings").asInt(-1),
                output);
    }

    private static boolean runs(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    record Lint(int exitCode, int errors, int warnings, String output) {
    }
}
