package com.qteria.platform.database;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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
import com.qteria.support.TestDatabase;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The running product — the release before a schema change — keeps working on the expanded schema of the next
 * release (docs/rollback.md; the example of {@link ExpandContractTests}): with release 1's expansion applied to its
 * database, it starts, lists, finds and shows an assessment by its reference as before, its writes reach the new
 * column, and what release 2 writes to the new column is what it shows. The expansion is rolled back afterwards, so
 * the shared database is as the other tests expect it. PostgreSQL only, like the example.
 */
@QteriaTest
class ExpandedSchemaTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReleaseBeforeKeepsWorkingOnTheExpandedSchema() throws Exception {
        MigrationRoundTripTests.requirePostgres();
        assumeTrue(TestDatabase.usePostgres(), "the application runs on H2 here; the example is for PostgreSQL");
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                        List.of("test_reports"), null, 0,
                        List.of(new Check.Contains(List.of("IEC 62368-1"), null)))))).id();
        String report = uploaded.upload(token, "report.pdf", SamplePdfs.pdf("Test report according to IEC 62368-1"));

        Migrations expansion = new Migrations(dataSource, ExpandContractTests.EXPAND);
        expansion.migrate();
        try {
            String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token,
                            "{\"workflow_id\": \"" + workflow + "\", \"reference\": \"Expanded 4711\", \"documents\": "
                                    + "[{\"bucket\": \"test_reports\", \"document_id\": \"" + report + "\"}]}"))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
            com.qteria.support.ApiRequests.awaitAssessment(mvc, token, id, "$.status", "completed",
                    java.time.Duration.ofSeconds(90));
            assertThat(jdbc.sql("select client_reference from assessments where id = :id")
                    .param("id", UUID.fromString(id)).query(String.class).single())
                    .as("the old release's write reaches the new column").isEqualTo("Expanded 4711");
            mvc.perform(get("/api/v1/assessments?q=Expanded").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(id));
            mvc.perform(get("/api/v1/assessments/" + id + "/results").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.summary.overall").value("pass"));

            jdbc.sql("update assessments set client_reference = 'Renamed by release 2' where id = :id")
                    .param("id", UUID.fromString(id)).update();
            mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.reference").value("Renamed by release 2"));
        } finally {
            expansion.rollback(1);
        }
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'assessments' "
                + "and column_name = 'client_reference'").query(Integer.class).single()).isZero();
    }
}
