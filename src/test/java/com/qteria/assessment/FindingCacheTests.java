package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Identical criterion + identical documents (+ same evaluator version and date) reuse the stored finding; another
 * document does not. The earlier finding is marked in the database, so a reuse is visible in the next results.
 */
@QteriaTest
class FindingCacheTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    com.qteria.support.TestData data;
    @Autowired
    com.qteria.workflow.WorkflowManagement workflows;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    tools.jackson.databind.json.JsonMapper mapper;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRerunWithTheSameDocumentsReusesFindingsAndANewDocumentDoesNot() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String first = run(s.token(), AssessmentsApiTests.start(s.workflow(), "test_reports", s.report()));
        String stored = jdbc.sql("select finding from assessment_findings where assessment_id = :id and criterion_key = 'standard'")
                .param("id", java.util.UUID.fromString(first)).query(String.class).single();
        tools.jackson.databind.node.ObjectNode marked = (tools.jackson.databind.node.ObjectNode) mapper.readTree(stored);
        marked.put("reasoning", "CACHED-MARKER");
        marked.putArray("reasons").addObject().put("kind", "model_text").put("text", "CACHED-MARKER");
        jdbc.sql("update assessment_findings set finding = :finding where assessment_id = :id and criterion_key = 'standard'")
                .param("finding", mapper.writeValueAsString(marked)).param("id", java.util.UUID.fromString(first)).update();

        String again = run(s.token(), AssessmentsApiTests.start(s.workflow(), "test_reports", s.report()));
        mvc.perform(get("/api/v1/assessments/" + again + "/results").header("Authorization", "Bearer " + s.token()))
                .andExpect(jsonPath("$.results[0].reasoning").value(org.hamcrest.Matchers.containsString("CACHED-MARKER")));

        String other = uploaded.upload(s.token(), "report-2.pdf", SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        String fresh = run(s.token(), AssessmentsApiTests.start(s.workflow(), "test_reports", other));
        mvc.perform(get("/api/v1/assessments/" + fresh + "/results").header("Authorization", "Bearer " + s.token()))
                .andExpect(jsonPath("$.results[0].verdict").value("pass"))
                .andExpect(jsonPath("$.results[0].reasoning").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("CACHED-MARKER"))));
    }

    private String run(String token, String body) throws Exception {
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token, body))
                .andReturn().getResponse().getContentAsString(), "$.id");
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            String status = JsonPath.read(mvc.perform(get("/api/v1/assessments/" + id)
                    .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString(), "$.status");
            if ("completed".equals(status)) {
                return id;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Assessment " + id + " did not complete");
    }
}
