package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@QteriaTest
class AssessmentsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    record Setup(TestData.Tenant tenant, String token, WorkflowId workflow, String report, String manual) {
    }

    Setup setup() throws Exception {
        return setup(data, uploaded, workflows);
    }

    /** A tenant, a workflow (a required bucket with a check, an optional one without) and two uploaded documents. */
    static Setup setup(TestData data, UploadedDocuments uploaded, WorkflowManagement workflows) throws Exception {
        return setup(data, uploaded, workflows, "report.pdf", SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
    }

    /** {@link #setup(TestData, UploadedDocuments, WorkflowManagement)} with the given test report. */
    static Setup setup(TestData data, UploadedDocuments uploaded, WorkflowManagement workflows, String reportName,
            byte[] reportBytes) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("manuals", "Manuals", false, 1)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                                List.of("test_reports"), null, 0,
                                List.of(new com.qteria.workflow.Check.Contains(List.of("IEC 62368-1"), null))),
                        new WorkflowInput.CriterionInput("safety", "Manual explains safe use",
                                "The manual gives safety instructions.", List.of("manuals"), null, 1, null)))).id();
        String report = uploaded.upload(token, reportName, reportBytes);
        String manual = uploaded.upload(token, "manual.pdf", SamplePdfs.pdf("Safety instructions: keep away from water"));
        return new Setup(tenant, token, workflow, report, manual);
    }

    static String start(WorkflowId workflow, String... bucketDocuments) {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < bucketDocuments.length; i += 2) {
            documents.add("{\"bucket\": \"" + bucketDocuments[i] + "\", \"document_id\": \"" + bucketDocuments[i + 1] + "\"}");
        }
        return "{\"workflow_id\": \"" + workflow + "\", \"reference\": \"Client project 4711\", \"documents\": ["
                + String.join(", ", documents) + "]}";
    }

    @Test
    void anAssessmentRunsToCompletionWithResultsAndReleasesItsDocuments() throws Exception {
        Setup s = setup();
        String answer = mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        start(s.workflow(), "test_reports", s.report(), "manuals", s.manual())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.workflow.id").value(s.workflow().toString()))
                .andExpect(jsonPath("$.workflow.version").value(1))
                .andExpect(jsonPath("$.workflow.name").value("LVD"))
                .andExpect(jsonPath("$.reference").value("Client project 4711"))
                .andExpect(jsonPath("$.progress.done").value(0))
                .andExpect(jsonPath("$.cost.input_tokens").value(0))
                .andExpect(jsonPath("$.created_by").exists())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        mvc.perform(delete("/api/v1/documents/" + s.report()).header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict());

        awaitAssessment(mvc, s.token(), id, "$.status", "completed", Duration.ofSeconds(90));
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", "Bearer " + s.token()))
                .andExpect(jsonPath("$.progress.percent").value(100))
                .andExpect(jsonPath("$.progress.total").value(2))
                .andExpect(jsonPath("$.summary.overall").value("needs_review"))
                .andExpect(jsonPath("$.summary.passed").value(1))
                .andExpect(jsonPath("$.summary.needs_review").value(1))
                .andExpect(jsonPath("$.summary.total").value(2))
                .andExpect(jsonPath("$.started_at").exists())
                .andExpect(jsonPath("$.finished_at").exists());
        mvc.perform(get("/api/v1/assessments/" + id + "/results").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].criterion.key").value("standard"))
                .andExpect(jsonPath("$.results[0].criterion.severity").value("required"))
                .andExpect(jsonPath("$.results[0].verdict").value("pass"))
                .andExpect(jsonPath("$.results[0].source").value("checks"))
                .andExpect(jsonPath("$.results[0].evidence[0].document_name").value("report.pdf"))
                .andExpect(jsonPath("$.results[0].evidence[0].page").value(1))
                .andExpect(jsonPath("$.results[0].evidence[0].quote").value(Matchers.containsString("IEC 62368-1")))
                .andExpect(jsonPath("$.results[0].evidence[0].verified").value(true))
                .andExpect(jsonPath("$.results[1].verdict").value("needs_review"))
                .andExpect(jsonPath("$.results[1].source").value("retrieval"))
                .andExpect(jsonPath("$.results[1].confidence").value("low"))
                .andExpect(jsonPath("$.results[1].review").doesNotExist());
        mvc.perform(delete("/api/v1/documents/" + s.report()).header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/assessments?status=completed&q=4711").header("Authorization", "Bearer " + s.token()))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void startingIsValidated() throws Exception {
        Setup s = setup();
        mvc.perform(json(post("/api/v1/assessments"), s.token(), start(s.workflow(), "manuals", s.manual())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("MISSING_REQUIRED_BUCKETS"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("test_reports")));
        mvc.perform(json(post("/api/v1/assessments"), s.token(), start(s.workflow(), "test_reports", s.report(), "nope", s.manual())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("documents[1].bucket"));
        mvc.perform(json(post("/api/v1/assessments"), s.token(), start(new WorkflowId(UUID.randomUUID()), "test_reports", s.report())))
                .andExpect(status().isNotFound());
        String stranger = uploaded.upload(data.newTenant().adminToken(), "x.pdf", SamplePdfs.pdf("x"));
        mvc.perform(json(post("/api/v1/assessments"), s.token(), start(s.workflow(), "test_reports", stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/assessments"), s.token(), "{\"workflow_id\": "))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/assessments"), s.token(), "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("workflow_id"));
    }

    @Test
    void aRejectedDocumentDoesNotFillARequiredBucket() throws Exception {
        Setup s = setup();
        String broken = uploaded.upload(s.token(), "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        assertThat(uploaded.awaitRead(s.token(), broken)).isEqualTo("rejected");
        mvc.perform(json(post("/api/v1/assessments"), s.token(), start(s.workflow(), "test_reports", broken)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("MISSING_REQUIRED_BUCKETS"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("test_reports")))
                .andExpect(jsonPath("$.errors[0].field").value("documents"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.allOf(
                        Matchers.containsString("test_reports"), Matchers.containsString("broken.pdf"),
                        Matchers.containsString("Unable to read"))));
        mvc.perform(get("/api/v1/assessments").header("Authorization", "Bearer " + s.token()))
                .andExpect(jsonPath("$.page.total_items").value(0));
        // A readable document beside the rejected one fills the bucket; the rejected one is then assessed as such.
        mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        start(s.workflow(), "test_reports", broken, "test_reports", s.report())))
                .andExpect(status().isAccepted());
    }

    @Test
    void resultsAre409UntilCompletedAndCancelStopsIt() throws Exception {
        Setup s = setup();
        // The report is being read again, so the assessment waits for it instead of finishing before the cancel.
        assertThat(uploaded.awaitRead(s.token(), s.report())).isEqualTo("ready");
        jdbc.sql("update documents set status = 'processing' where id = :id").param("id", UUID.fromString(s.report()))
                .update();
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        start(s.workflow(), "test_reports", s.report())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/assessments/" + id + "/results").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());
        awaitAssessment(mvc, s.token(), id, "$.status", "cancelled", Duration.ofSeconds(90));
        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/assessments/" + id + "/results").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/documents/" + s.report()).header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isNoContent());
    }

    @Test
    void eventsStreamProgressThenDone() throws Exception {
        Setup s = setup();
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        start(s.workflow(), "test_reports", s.report(), "manuals", s.manual())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/assessments/" + id + "/events"))
                .header("Authorization", "Bearer " + s.token()).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        String lastData = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    events.add(line.substring(6).trim());
                } else if (line.startsWith("data:")) {
                    lastData = line.substring(5);
                }
            }
        }
        assertThat(events).contains("progress").last().isEqualTo("done");
        assertThat((String) JsonPath.read(lastData, "$.status")).isEqualTo("completed");
    }

    @Test
    void anotherOrganizationsAssessmentIs404() throws Exception {
        Setup s = setup();
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        start(s.workflow(), "test_reports", s.report())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String stranger = data.newTenant().adminToken();
        for (String path : List.of("", "/results", "/events")) {
            mvc.perform(get("/api/v1/assessments/" + id + path).header("Authorization", "Bearer " + stranger))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments").header("Authorization", "Bearer " + stranger))
                .andExpect(jsonPath("$.page.total_items").value(0));
    }
}
