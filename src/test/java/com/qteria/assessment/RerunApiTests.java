package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Re-run and diff (API.md "Re-run"): a re-run replaces the documents of the buckets it names and keeps the others,
 * links to its parent, reuses the findings whose inputs did not change and takes over their reviews; the diff says
 * per criterion what the verdict was and is. Every status code of both routes, for the caller's organization only.
 */
@QteriaTest
class RerunApiTests {

    static final String FAILING_REPORT = "Test report for the Nordlicht NV8240, standard to be confirmed";

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

    /** "standard" fails (the report does not cite the standard), "safety" (no checks, no AI) needs review. */
    record Failing(AssessmentsApiTests.Setup setup, String id) {

        String token() {
            return setup.token();
        }
    }

    Failing failing() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String bad = uploaded.upload(s.token(), "draft-report.pdf", SamplePdfs.pdf(FAILING_REPORT));
        String id = started(s.token(), AssessmentsApiTests.start(s.workflow(), "test_reports", bad, "manuals",
                s.manual()));
        awaitAssessment(mvc, s.token(), id, "$.status", "completed", Duration.ofSeconds(90));
        return new Failing(s, id);
    }

    @Test
    void aRerunReplacesOneBucketKeepsTheRestReusesUnchangedFindingsAndCarriesTheirReviews() throws Exception {
        Failing v1 = failing();
        mvc.perform(json(put("/api/v1/assessments/" + v1.id() + "/results/safety/review"), v1.token(),
                "{\"verdict\": \"pass\", \"comment\": \"Page 1 has the safety instructions.\"}")).andExpect(status().isOk());
        mvc.perform(json(put("/api/v1/assessments/" + v1.id() + "/results/standard/review"), v1.token(),
                "{\"verdict\": \"fail\"}")).andExpect(status().isOk());
        CurrentUser manager = v1.setup().tenant().user(Role.PROCESS_MANAGER);
        String managerToken = data.tokenFor(manager);

        String v2 = JsonPath.read(rerun(managerToken, v1.id(), "{\"replace\": [{\"bucket\": \"test_reports\", "
                        + "\"document_id\": \"" + v1.setup().report() + "\"}]}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parent_id").value(v1.id()))
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.reference").value("Client project 4711"))
                .andExpect(jsonPath("$.workflow.version").value(1))
                .andExpect(jsonPath("$.created_by").value(manager.id().toString()))
                .andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(v2).isNotEqualTo(v1.id());
        awaitAssessment(mvc, v1.token(), v2, "$.status", "completed", Duration.ofSeconds(90));

        assertThat(jdbc.sql("select bucket || ':' || cast(document_id as varchar) from assessment_documents "
                        + "where assessment_id = :id order by position").param("id", UUID.fromString(v2))
                .query(String.class).list())
                .containsExactlyInAnyOrder("manuals:" + v1.setup().manual(), "test_reports:" + v1.setup().report());
        assertThat(cacheKey(v2, "safety")).as("the manual did not change: its finding is reused")
                .isEqualTo(cacheKey(v1.id(), "safety"));
        assertThat(cacheKey(v2, "standard")).isNotEqualTo(cacheKey(v1.id(), "standard"));

        mvc.perform(get("/api/v1/assessments/" + v2 + "/results").header("Authorization", "Bearer " + v1.token()))
                .andExpect(jsonPath("$.results[0].verdict").value("pass"))
                .andExpect(jsonPath("$.results[0].review").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.results[1].verdict").value("pass"))
                .andExpect(jsonPath("$.results[1].machine.verdict").value("needs_review"))
                .andExpect(jsonPath("$.results[1].review.comment").value("Page 1 has the safety instructions."))
                .andExpect(jsonPath("$.results[1].review.carried_from").value(v1.id()))
                .andExpect(jsonPath("$.results[1].review.by.name").value(Matchers.startsWith("User ")));
        mvc.perform(get("/api/v1/assessments/" + v2).header("Authorization", "Bearer " + v1.token()))
                .andExpect(jsonPath("$.summary.overall").value("pass"))
                .andExpect(jsonPath("$.summary.passed").value(2));

        mvc.perform(get("/api/v1/assessments/" + v2 + "/diff").header("Authorization", "Bearer " + v1.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parent_id").value(v1.id()))
                .andExpect(jsonPath("$.items[0].criterion.key").value("standard"))
                .andExpect(jsonPath("$.items[0].criterion.name").value("Test report cites IEC 62368-1"))
                .andExpect(jsonPath("$.items[0].previous").value("fail"))
                .andExpect(jsonPath("$.items[0].current").value("pass"))
                .andExpect(jsonPath("$.items[0].changed").value(true))
                .andExpect(jsonPath("$.items[0].change").value("fixed"))
                .andExpect(jsonPath("$.items[1].previous").value("pass"))
                .andExpect(jsonPath("$.items[1].current").value("pass"))
                .andExpect(jsonPath("$.items[1].changed").value(false))
                .andExpect(jsonPath("$.fixed").value(1))
                .andExpect(jsonPath("$.regressed").value(0))
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.changed").value(0));

        String admin = v1.setup().tenant().adminToken();
        mvc.perform(get("/api/v1/audit-events?action=assessment.rerun").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].resource_id").value(v2))
                .andExpect(jsonPath("$.items[0].actor").value(manager.email()))
                .andExpect(jsonPath("$.items[0].details.parent_id").value(v1.id()))
                .andExpect(jsonPath("$.items[0].details.replaced_buckets[0]").value("test_reports"));
        mvc.perform(get("/api/v1/audit-events?action=assessment.reviews_carried_over")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].details.criterion_keys[0]").value("safety"));
    }

    @Test
    void withoutABodyTheSameDocumentsAreReRunAndEveryFindingAndReviewIsTakenOver() throws Exception {
        Failing v1 = failing();
        mvc.perform(json(put("/api/v1/assessments/" + v1.id() + "/results/safety/review"), v1.token(),
                "{\"verdict\": \"fail\", \"comment\": \"No warnings.\"}")).andExpect(status().isOk());
        String v2 = JsonPath.read(mvc.perform(post("/api/v1/assessments/" + v1.id() + "/rerun")
                        .header("Authorization", "Bearer " + v1.token()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, v1.token(), v2, "$.status", "completed", Duration.ofSeconds(90));
        assertThat(cacheKey(v2, "standard")).isEqualTo(cacheKey(v1.id(), "standard"));
        mvc.perform(get("/api/v1/assessments/" + v2 + "/diff").header("Authorization", "Bearer " + v1.token()))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.items[1].current").value("fail"));
        // v3 from v2: the review carried to v2 is carried again, still naming the assessment it was made on.
        String v3 = JsonPath.read(rerun(v1.token(), v2, "{}").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, v1.token(), v3, "$.status", "completed", Duration.ofSeconds(90));
        mvc.perform(get("/api/v1/assessments/" + v3 + "/results").header("Authorization", "Bearer " + v1.token()))
                .andExpect(jsonPath("$.results[1].review.carried_from").value(v1.id()));
    }

    @Test
    void aRerunIsValidatedLikeAStart() throws Exception {
        Failing v1 = failing();
        String token = v1.token();
        rerun(token, v1.id(), "{\"replace\": [{\"bucket\": \"nope\", \"document_id\": \"" + v1.setup().report() + "\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("replace[0].bucket"));
        rerun(token, v1.id(), "{\"replace\": [{\"bucket\": \"test_reports\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("replace[0].document_id"));
        rerun(token, v1.id(), "{\"replace\": [{\"bucket\": \"test_reports\", \"document_id\": \"" + UUID.randomUUID()
                + "\"}]}").andExpect(status().isNotFound());
        String stranger = uploaded.upload(data.newTenant().adminToken(), "x.pdf", SamplePdfs.pdf("x"));
        rerun(token, v1.id(), "{\"replace\": [{\"bucket\": \"test_reports\", \"document_id\": \"" + stranger + "\"}]}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        String broken = uploaded.upload(token, "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        assertThat(uploaded.awaitRead(token, broken)).isEqualTo("rejected");
        rerun(token, v1.id(), "{\"replace\": [{\"bucket\": \"test_reports\", \"document_id\": \"" + broken + "\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("MISSING_REQUIRED_BUCKETS"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("broken.pdf")));
        rerun(token, v1.id(), "{\"replace\": ").andExpect(status().isBadRequest());
        rerun(token, UUID.randomUUID().toString(), "{}").andExpect(status().isNotFound());
        rerun(data.newTenant().tokenOf(Role.PROJECT_HANDLER), v1.id(), "{}").andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/assessments/" + v1.id() + "/rerun")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from assessments where parent_id = :id").param("id", UUID.fromString(v1.id()))
                .query(Long.class).single()).as("nothing was started").isZero();

        workflows.archive(v1.setup().tenant().admin(), v1.setup().workflow());
        rerun(token, v1.id(), "{}").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("archived")));
    }

    @Test
    void anUnfinishedAssessmentIsNotReRunAndACancelledOneIsButHasNothingToCompareWith() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        assertThat(uploaded.awaitRead(s.token(), s.report())).isEqualTo("ready");
        jdbc.sql("update documents set status = 'processing' where id = :id").param("id", UUID.fromString(s.report()))
                .update();
        String waiting = started(s.token(), AssessmentsApiTests.start(s.workflow(), "test_reports", s.report()));
        rerun(s.token(), waiting, "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(get("/api/v1/assessments/" + waiting + "/diff").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(post("/api/v1/assessments/" + waiting + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());
        awaitAssessment(mvc, s.token(), waiting, "$.status", "cancelled", Duration.ofSeconds(90));
        jdbc.sql("update documents set status = 'ready' where id = :id").param("id", UUID.fromString(s.report()))
                .update();

        String again = JsonPath.read(rerun(s.token(), waiting, "{}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parent_id").value(waiting))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, s.token(), again, "$.status", "completed", Duration.ofSeconds(90));
        mvc.perform(get("/api/v1/assessments/" + again + "/diff").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("cancelled")));
    }

    @Test
    void theDiffOfAnAssessmentThatIsNoReRunIsAConflictAndAnotherOrganizationsIsNotFound() throws Exception {
        Failing v1 = failing();
        mvc.perform(get("/api/v1/assessments/" + v1.id() + "/diff").header("Authorization", "Bearer " + v1.token()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not a re-run")));
        String stranger = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(get("/api/v1/assessments/" + v1.id() + "/diff").header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/" + UUID.randomUUID() + "/diff").header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRerunOnTheNewestWorkflowVersionComparesTheCriteriaBothVersionsHave() throws Exception {
        Failing v1 = failing();
        com.qteria.workflow.WorkflowView current = workflows.get(v1.setup().tenant().id(), v1.setup().workflow());
        List<com.qteria.workflow.WorkflowInput.CriterionInput> criteria = new java.util.ArrayList<>(current.criteria()
                .stream().map(c -> new com.qteria.workflow.WorkflowInput.CriterionInput(c.key(), c.name(),
                        c.description(), c.appliesTo(), c.severity().key(), c.order(), c.checks())).toList());
        criteria.add(new com.qteria.workflow.WorkflowInput.CriterionInput("model", "Report names the model", null,
                List.of("test_reports"), null, 2, List.of(new com.qteria.workflow.Check.Contains(List.of("NV8240"), null))));
        workflows.update(v1.setup().tenant().admin(), v1.setup().workflow(), new com.qteria.workflow.WorkflowInput(
                current.name(), current.description(), current.buckets().stream()
                .map(b -> new com.qteria.workflow.WorkflowInput.BucketInput(b.key(), b.name(), b.required(), b.order()))
                .toList(), criteria));

        String v2 = JsonPath.read(rerun(v1.token(), v1.id(), "{\"latest_workflow\": true}")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.workflow.version").value(2))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, v1.token(), v2, "$.status", "completed", Duration.ofSeconds(90));
        mvc.perform(get("/api/v1/assessments/" + v2 + "/diff").header("Authorization", "Bearer " + v1.token()))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[2].criterion.key").value("model"))
                .andExpect(jsonPath("$.items[2].previous").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.items[2].current").value("pass"))
                .andExpect(jsonPath("$.items[2].changed").value(true))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.changed").value(1));
    }

    private ResultActions rerun(String token, String id, String body) throws Exception {
        return mvc.perform(json(post("/api/v1/assessments/" + id + "/rerun"), token, body));
    }

    private String started(String token, String body) throws Exception {
        return JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token, body))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String cacheKey(String assessment, String criterion) {
        return jdbc.sql("select cache_key from assessment_findings where assessment_id = :id and criterion_key = :key")
                .param("id", UUID.fromString(assessment)).param("key", criterion).query(String.class).single();
    }
}
