package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Human review and feedback (API.md "Human review"): a review replaces the result's verdict and keeps the machine's
 * beside it, the summary follows it, undo restores the machine's; feedback is kept with the machine's verdict; both
 * only on completed assessments of the caller's organization, by every role, validated, audited.
 */
@QteriaTest
class ResultReviewApiTests {

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

    record Completed(AssessmentsApiTests.Setup setup, String id) {

        String token() {
            return setup.token();
        }

        String results(String key) {
            return "/api/v1/assessments/" + id + "/results/" + key;
        }
    }

    Completed completed() throws Exception {
        return completed(mvc, data, uploaded, workflows);
    }

    /** "standard" passes by its check, "safety" (no checks, no AI) needs review. */
    static Completed completed(MockMvc mvc, TestData data, UploadedDocuments uploaded, WorkflowManagement workflows)
            throws Exception {
        return completed(mvc, AssessmentsApiTests.setup(data, uploaded, workflows));
    }

    /** The assessment of {@code s}'s report and manual, completed. */
    static Completed completed(MockMvc mvc, AssessmentsApiTests.Setup s) throws Exception {
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                AssessmentsApiTests.start(s.workflow(), "test_reports", s.report(), "manuals", s.manual())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, s.token(), id, "$.status", "completed", Duration.ofSeconds(90));
        return new Completed(s, id);
    }

    @Test
    void aReviewOverridesTheVerdictKeepsTheMachinesAndTheSummaryFollowsUntilUndone() throws Exception {
        Completed c = completed();

        review(c, c.token(), "safety", "{\"verdict\": \"pass\", \"comment\": \"Page 1 has the safety instructions.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.criterion.key").value("safety"))
                .andExpect(jsonPath("$.verdict").value("pass"))
                .andExpect(jsonPath("$.source").value("reviewer"))
                .andExpect(jsonPath("$.confidence").value("high"))
                .andExpect(jsonPath("$.machine.verdict").value("needs_review"))
                .andExpect(jsonPath("$.machine.source").value("retrieval"))
                .andExpect(jsonPath("$.machine.confidence").value("low"))
                .andExpect(jsonPath("$.review.verdict").value("pass"))
                .andExpect(jsonPath("$.review.comment").value("Page 1 has the safety instructions."))
                .andExpect(jsonPath("$.review.by.id").isNotEmpty())
                .andExpect(jsonPath("$.review.by.name").isNotEmpty())
                .andExpect(jsonPath("$.review.at").value(Matchers.endsWith("Z")))
                .andExpect(jsonPath("$.reasoning").isNotEmpty());
        summary(c).andExpect(jsonPath("$.summary.overall").value("pass"))
                .andExpect(jsonPath("$.summary.passed").value(2))
                .andExpect(jsonPath("$.summary.needs_review").value(0));
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/results").header("Authorization", "Bearer " + c.token()))
                .andExpect(jsonPath("$.summary.overall").value("pass"))
                .andExpect(jsonPath("$.results[1].review.verdict").value("pass"))
                .andExpect(jsonPath("$.results[0].review").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.results[0].machine").doesNotExist());

        review(c, c.token(), "standard", "{\"verdict\": \"fail\", \"comment\": \"The report is for another model.\"}")
                .andExpect(status().isOk());
        summary(c).andExpect(jsonPath("$.summary.overall").value("fail"))
                .andExpect(jsonPath("$.summary.failed").value(1));

        mvc.perform(delete(c.results("standard") + "/review").header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNoContent());
        mvc.perform(delete(c.results("safety") + "/review").header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNoContent());
        summary(c).andExpect(jsonPath("$.summary.overall").value("needs_review"))
                .andExpect(jsonPath("$.summary.passed").value(1))
                .andExpect(jsonPath("$.summary.needs_review").value(1));
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/results").header("Authorization", "Bearer " + c.token()))
                .andExpect(jsonPath("$.results[1].verdict").value("needs_review"))
                .andExpect(jsonPath("$.results[1].source").value("retrieval"))
                .andExpect(jsonPath("$.results[1].review").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.results[1].machine").doesNotExist());
        mvc.perform(delete(c.results("safety") + "/review").header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNotFound());

        String admin = c.setup().tenant().adminToken();
        mvc.perform(get("/api/v1/audit-events?action=assessment.result_reviewed").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].details.criterion_key").value(Matchers.containsInAnyOrder("safety",
                        "standard")))
                .andExpect(jsonPath("$.items[*].details.machine_verdict").value(Matchers.hasItem("needs_review")));
        mvc.perform(get("/api/v1/audit-events?action=assessment.review_removed").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void aSecondReviewReplacesTheFirstAndAConfirmationNeedsNoComment() throws Exception {
        Completed c = completed();
        review(c, c.token(), "standard", "{\"verdict\": \"pass\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.review.comment").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.machine.verdict").value("pass"));
        review(c, c.setup().tenant().tokenOf(Role.PROCESS_MANAGER), "standard",
                "{\"verdict\": \"fail\", \"comment\": \"  Wrong edition of the standard.  \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("fail"))
                .andExpect(jsonPath("$.review.comment").value("Wrong edition of the standard."))
                .andExpect(jsonPath("$.machine.verdict").value("pass"));
        review(c, c.setup().tenant().adminToken(), "safety", "{\"verdict\": \"fail\", \"comment\": \"No warnings.\"}")
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from assessment_reviews where assessment_id = :id")
                .param("id", UUID.fromString(c.id())).query(Long.class).single()).isEqualTo(2);
        summary(c).andExpect(jsonPath("$.summary.failed").value(2));
    }

    @Test
    void reviewsAndFeedbackAreValidatedPerField() throws Exception {
        Completed c = completed();
        review(c, c.token(), "safety", "{\"comment\": \"x\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("verdict"));
        review(c, c.token(), "safety", "{\"verdict\": \"needs_review\", \"comment\": \"x\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("verdict"));
        review(c, c.token(), "safety", "{\"verdict\": \"pass\", \"comment\": \"  \"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("needs review")));
        review(c, c.token(), "safety", "{\"verdict\": \"pass\", \"comment\": \"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        feedback(c, "safety", "{\"comment\": \"x\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("correct"));
        feedback(c, "safety", "{\"correct\": true, \"comment\": \"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        summary(c).andExpect(jsonPath("$.summary.overall").value("needs_review"));
    }

    @Test
    void feedbackIsKeptWithTheMachinesVerdictAndAudited() throws Exception {
        Completed c = completed();
        review(c, c.token(), "safety", "{\"verdict\": \"pass\", \"comment\": \"Checked.\"}").andExpect(status().isOk());

        feedback(c, "safety", "{\"correct\": false, \"comment\": \"The passages were the right ones.\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.criterion_key").value("safety"))
                .andExpect(jsonPath("$.correct").value(false))
                .andExpect(jsonPath("$.comment").value("The passages were the right ones."))
                .andExpect(jsonPath("$.machine_verdict").value("needs_review"))
                .andExpect(jsonPath("$.by.name").isNotEmpty())
                .andExpect(jsonPath("$.at").isNotEmpty());
        feedback(c, "standard", "{\"correct\": true}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.machine_verdict").value("pass"))
                .andExpect(jsonPath("$.comment").value(Matchers.nullValue()));

        assertThat(jdbc.sql("select machine_verdict from assessment_feedback where assessment_id = :id order by created_at")
                .param("id", UUID.fromString(c.id())).query(String.class).list()).containsExactly("needs_review", "pass");
        mvc.perform(get("/api/v1/audit-events?action=assessment.feedback_given")
                        .header("Authorization", "Bearer " + c.setup().tenant().adminToken()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].details.correct").value(Matchers.containsInAnyOrder(false, true)));
    }

    @Test
    void unknownCriteriaAndOtherOrganizationsAssessmentsAre404() throws Exception {
        Completed c = completed();
        review(c, c.token(), "no_such_criterion", "{\"verdict\": \"pass\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        feedback(c, "no_such_criterion", "{\"correct\": true}").andExpect(status().isNotFound());
        mvc.perform(delete(c.results("no_such_criterion") + "/review").header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNotFound());

        String stranger = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        review(c, stranger, "safety", "{\"verdict\": \"pass\", \"comment\": \"x\"}").andExpect(status().isNotFound());
        mvc.perform(json(post(c.results("safety") + "/feedback"), stranger, "{\"correct\": true}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(c.results("safety") + "/review").header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/assessments/" + UUID.randomUUID() + "/results/safety/review"), c.token(),
                "{\"verdict\": \"pass\", \"comment\": \"x\"}")).andExpect(status().isNotFound());
        summary(c).andExpect(jsonPath("$.summary.overall").value("needs_review"));
    }

    /**
     * An assessment of {@code s}'s report that stays running: its document is marked as still being read. The caller
     * cancels it when done.
     */
    static String unfinished(MockMvc mvc, AssessmentsApiTests.Setup s, UploadedDocuments uploaded, JdbcClient jdbc)
            throws Exception {
        assertThat(uploaded.awaitRead(s.token(), s.report())).isEqualTo("ready");
        jdbc.sql("update documents set status = 'processing' where id = :id").param("id", UUID.fromString(s.report()))
                .update();
        return JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        AssessmentsApiTests.start(s.workflow(), "test_reports", s.report())))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void anAssessmentThatHasNotCompletedCannotBeReviewed() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String id = unfinished(mvc, s, uploaded, jdbc);
        String results = "/api/v1/assessments/" + id + "/results/standard";

        mvc.perform(json(put(results + "/review"), s.token(), "{\"verdict\": \"pass\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(delete(results + "/review").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(json(post(results + "/feedback"), s.token(), "{\"correct\": true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());
    }

    private ResultActions review(Completed c, String token, String key, String body) throws Exception {
        return mvc.perform(json(put(c.results(key) + "/review"), token, body));
    }

    private ResultActions feedback(Completed c, String key, String body) throws Exception {
        return mvc.perform(json(post(c.results(key) + "/feedback"), c.token(), body));
    }

    private ResultActions summary(Completed c) throws Exception {
        return mvc.perform(get("/api/v1/assessments/" + c.id()).header("Authorization", "Bearer " + c.token()));
    }
}
