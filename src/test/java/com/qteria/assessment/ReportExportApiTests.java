package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CSV and JSON exports of a completed assessment (API.md "Reports"): stable CSV columns with a BOM, RFC 4180
 * quoting and neutralised formulas; the JSON results document with the assessment and the pinned fingerprints; 409
 * until completed, 404 for another organization, every role, audited.
 */
@QteriaTest
class ReportExportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssessmentManagement assessments;

    @Test
    void theCsvHasOneRowPerCriterionWithStableColumnsQuotedAndSafeForSpreadsheets() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        com.qteria.identity.CurrentUser reviewer = c.setup().tenant().user(Role.PROJECT_HANDLER);
        mvc.perform(json(put(c.results("safety") + "/review"), data.tokenFor(reviewer),
                        "{\"verdict\": \"fail\", \"comment\": \"=HYPERLINK(\\\"http://x\\\",\\\"a, b\\\")\"}"))
                .andExpect(status().isOk());

        byte[] body = mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.csv")
                        .header("Authorization", "Bearer " + c.setup().tenant().tokenOf(Role.PROCESS_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"assessment-Client-project-4711.csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("criterion_key,criterion_name,severity,verdict,machine_verdict,confidence,"
                + "source,reviewed_by,review_comment,reasoning,evidence");
        assertThat(lines[1]).startsWith("standard,Test report cites IEC 62368-1,required,pass,pass,")
                .contains("report.pdf p. 1: ");
        assertThat(lines[2]).startsWith("safety,Manual explains safe use,required,fail,needs_review,high,reviewer,"
                + reviewer.name() + ",\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",");
    }

    @Test
    void theJsonIsTheResultsDocumentWithTheAssessmentAndTheFingerprintsOfItsDocuments() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String sha256 = jdbc.sql("select sha256 from documents where id = :id")
                .param("id", UUID.fromString(c.setup().report())).query(String.class).single();

        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.json")
                        .header("Authorization", "Bearer " + c.setup().tenant().tokenOf(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"assessment-Client-project-4711.json\""))
                .andExpect(jsonPath("$.assessment.id").value(c.id()))
                .andExpect(jsonPath("$.assessment.reference").value("Client project 4711"))
                .andExpect(jsonPath("$.assessment.workflow.name").value("LVD"))
                .andExpect(jsonPath("$.documents[0].bucket").value("test_reports"))
                .andExpect(jsonPath("$.documents[0].document_id").value(c.setup().report()))
                .andExpect(jsonPath("$.documents[0].filename").value("report.pdf"))
                .andExpect(jsonPath("$.documents[0].sha256").value(sha256))
                .andExpect(jsonPath("$.documents[1].filename").value("manual.pdf"))
                .andExpect(jsonPath("$.summary.overall").value("needs_review"))
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].criterion.key").value("standard"))
                .andExpect(jsonPath("$.results[0].evidence[0].document_name").value("report.pdf"));

        String rerun = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/assessments/" + c.id() + "/rerun")
                        .header("Authorization", "Bearer " + c.token())).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(jdbc.sql("select sha256 from assessment_documents where assessment_id = :id order by position")
                .param("id", UUID.fromString(rerun)).query(String.class).list()).as("a re-run pins its documents too")
                .hasSize(2).first().isEqualTo(sha256);

        mvc.perform(get("/api/v1/audit-events?action=assessment.exported")
                        .header("Authorization", "Bearer " + c.setup().tenant().adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].resource_id").value(c.id()))
                .andExpect(jsonPath("$.items[0].details.format").value("json"));
    }

    /** The PDF report goes through the same {@code report(…, format)} as the exports, so it is audited alike. */
    @Test
    void everyReportFormatIsAuditedAsAReportDownloadThroughOnePlace() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        com.qteria.identity.CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        assessments.report(handler, new AssessmentId(UUID.fromString(c.id())), java.util.Locale.GERMAN, "pdf");

        mvc.perform(get("/api/v1/audit-events?action=assessment.exported")
                        .header("Authorization", "Bearer " + c.setup().tenant().adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(handler.email()))
                .andExpect(jsonPath("$.items[0].resource_type").value("assessment"))
                .andExpect(jsonPath("$.items[0].resource_id").value(c.id()))
                .andExpect(jsonPath("$.items[0].details.format").value("pdf"));
    }

    @Test
    void notCompletedIs409AndAnotherOrganizationsIs404() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String id = ResultReviewApiTests.unfinished(mvc, s, uploaded, jdbc);
        for (String format : new String[] {"csv", "json"}) {
            mvc.perform(get("/api/v1/assessments/" + id + "/report." + format).header("Authorization", "Bearer " + s.token()))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        }
        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());

        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String stranger = data.newTenant().tokenOf(Role.ADMIN);
        for (String format : new String[] {"csv", "json"}) {
            mvc.perform(get("/api/v1/assessments/" + c.id() + "/report." + format)
                            .header("Authorization", "Bearer " + stranger))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/audit-events?action=assessment.exported")
                        .header("Authorization", "Bearer " + c.setup().tenant().adminToken()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }
}
