package com.qteria.assessment.command;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.workflow.WorkflowId;
import java.time.Duration;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's job and the {@code assess} command run one evaluation pipeline: the four sample cases, assessed once
 * through the API and once through the command on the same workflow, documents and date, give the same results JSON
 * (apart from the ids each side assigns: criteria and documents).
 */
@QteriaTest
class OnePipelineTests {

    private static final JsonMapper JSON = new JsonMapper();
    /** The sample cases: workflow template and the document per bucket, as in ../shared/samples/cases. */
    private static final Map<String, Map<String, String>> CASES = Map.of(
            "lvd-ict-equipment/nordlicht", ordered("test_reports", "tr-nordlicht-nv8240.pdf",
                    "declaration", "doc-nordlicht-nv8240.pdf", "user_manual", "um-nordlicht-nv8240.pdf",
                    "risk_assessment", "ra-nordlicht-nv8240.pdf"),
            "lvd-ict-equipment/brightwave", ordered("test_reports", "tr-brightwave-bw7100.pdf",
                    "declaration", "doc-brightwave-bw9450.pdf", "user_manual", "um-brightwave-bw9450.pdf",
                    "risk_assessment", "ra-brightwave-bw9450.pdf"),
            "medical-electrical-equipment/helvion", ordered("test_reports", "tr-helvion-pm300.pdf",
                    "risk_management", "rm-helvion-pm300.pdf", "ifu", "ifu-helvion-pm300.pdf"),
            "emc-directive/kestrel", ordered("emc_reports", "emc-kestrel-ld1500.pdf",
                    "declaration", "doc-kestrel-ld1500.pdf", "calibration", "cal-pms-esr7-240205.pdf"));

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lvd-ict-equipment/nordlicht", "lvd-ict-equipment/brightwave",
            "medical-electrical-equipment/helvion", "emc-directive/kestrel"})
    void theJobAndTheCommandGiveTheSameResults(String name) throws Exception {
        String template = name.substring(0, name.indexOf('/'));
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.createFromTemplate(tenant.admin(), template).id();
        List<String> documents = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("assess", "--workflow", workflowFile(template).toString(),
                "--format", "json", "--as-of", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString()));
        for (Map.Entry<String, String> entry : CASES.get(name).entrySet()) {
            byte[] pdf = sample(entry.getValue());
            String id = uploaded.upload(token, entry.getValue(), pdf);
            assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
            documents.add("{\"bucket\": \"" + entry.getKey() + "\", \"document_id\": \"" + id + "\"}");
            Path file = Files.write(dir.resolve(entry.getValue()), pdf);
            arguments.addAll(List.of("--doc", entry.getKey() + "=" + file));
        }

        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token, "{\"workflow_id\": \""
                + workflow + "\", \"documents\": [" + String.join(", ", documents) + "]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, token, id, "$.status", "completed", Duration.ofSeconds(90));
        String server = mvc.perform(get("/api/v1/assessments/" + id + "/results")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AssessCommand.run(arguments.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        String command = out.toString(StandardCharsets.UTF_8);

        JsonNode fromServer = withoutIds(JSON.readTree(server));
        assertThat(fromServer.get("results").size()).isEqualTo(10);
        assertThat(withoutIds(JSON.readTree(command))).isEqualTo(fromServer);
    }

    /** The results without the ids each side assigns itself. */
    private static JsonNode withoutIds(JsonNode results) {
        for (JsonNode result : results.get("results")) {
            ((ObjectNode) result.get("criterion")).remove("id");
            for (JsonNode evidence : result.get("evidence")) {
                ((ObjectNode) evidence).remove("document_id");
            }
        }
        return results;
    }

    private Path workflowFile(String template) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/workflow-templates/" + template + ".json")) {
            return Files.write(dir.resolve(template + ".json"), in.readAllBytes());
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = OnePipelineTests.class.getResourceAsStream("/samples/documents/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
