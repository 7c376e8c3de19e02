package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static com.qteria.support.SignedIn.as;
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
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Insights (API.md): per criterion key the machine's verdicts, overrides and feedback of a workflow's completed
 * assessments in a period, for process managers and admins, in the caller's organization only; and the page.
 */
@QteriaTest
class InsightsTests {

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

    /**
     * Two completed assessments of one workflow: in both "standard" passes and "safety" needs review; in the first
     * "safety" is overridden to pass and "standard" confirmed; feedback: standard wrong once and right once, safety
     * right once.
     */
    ResultReviewApiTests.Completed reviewed() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String second = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), c.token(),
                AssessmentsApiTests.start(c.setup().workflow(), "test_reports", c.setup().report())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, c.token(), second, "$.status", "completed", Duration.ofSeconds(90));
        send(put(c.results("safety") + "/review"), c, "{\"verdict\": \"pass\", \"comment\": \"Page 1 has them.\"}");
        send(put(c.results("standard") + "/review"), c, "{\"verdict\": \"pass\"}");
        send(post(c.results("standard") + "/feedback"), c, "{\"correct\": false, \"comment\": \"Wrong edition.\"}");
        send(post("/api/v1/assessments/" + second + "/results/standard/feedback"), c, "{\"correct\": true}");
        send(post(c.results("safety") + "/feedback"), c, "{\"correct\": true}");
        return c;
    }

    private void send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            ResultReviewApiTests.Completed c, String body) throws Exception {
        mvc.perform(json(request, c.token(), body)).andExpect(status().is2xxSuccessful());
    }

    private ResultActions insights(ResultReviewApiTests.Completed c, String token, String query) throws Exception {
        return mvc.perform(get("/api/v1/workflows/" + c.setup().workflow() + "/insights" + query)
                .header("Authorization", "Bearer " + token));
    }

    @Test
    void perCriterionKeyTheMachinesVerdictsOverridesAndFeedbackRatesInExactlyTheContractsShape() throws Exception {
        ResultReviewApiTests.Completed c = reviewed();
        String body = insights(c, c.setup().tenant().tokenOf(Role.PROCESS_MANAGER), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standard.assessed").value(2))
                .andExpect(jsonPath("$.standard.passed").value(2))
                .andExpect(jsonPath("$.standard.failed").value(0))
                .andExpect(jsonPath("$.standard.needs_review").value(0))
                .andExpect(jsonPath("$.standard.not_applicable").value(0))
                .andExpect(jsonPath("$.standard.overridden").value(0))
                .andExpect(jsonPath("$.standard.feedback.correct").value(1))
                .andExpect(jsonPath("$.standard.feedback.incorrect").value(1))
                .andExpect(jsonPath("$.standard.false_pass_rate").value(0.5))
                .andExpect(jsonPath("$.standard.false_fail_rate").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.safety.assessed").value(2))
                .andExpect(jsonPath("$.safety.passed").value(0))
                .andExpect(jsonPath("$.safety.needs_review").value(1))
                .andExpect(jsonPath("$.safety.not_applicable").value(1))
                .andExpect(jsonPath("$.safety.overridden").value(1))
                .andExpect(jsonPath("$.safety.feedback.correct").value(1))
                .andExpect(jsonPath("$.safety.feedback.incorrect").value(0))
                .andExpect(jsonPath("$.safety.false_pass_rate").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.safety.false_fail_rate").value(Matchers.nullValue()))
                .andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> figures = JsonPath.read(body, "$");
        assertThat(figures).containsOnlyKeys("standard", "safety");
        assertThat(figures.get("standard")).containsOnlyKeys("assessed", "passed", "failed", "needs_review",
                "not_applicable", "overridden", "feedback", "false_pass_rate", "false_fail_rate");
        assertThat(List.copyOf(figures.keySet())).containsExactly("standard", "safety");
        insights(c, c.setup().tenant().adminToken(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.safety.overridden").value(1));
    }

    @Test
    void onlyAssessmentsFinishedInThePeriodCountDefaultTheLast90Days() throws Exception {
        ResultReviewApiTests.Completed c = reviewed();
        String token = c.setup().tenant().tokenOf(Role.PROCESS_MANAGER);
        jdbc.sql("update assessments set finished_at = :at where id = :id")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(120)).param("id", UUID.fromString(c.id()))
                .update();

        insights(c, token, "").andExpect(jsonPath("$.standard.assessed").value(1))
                .andExpect(jsonPath("$.safety.overridden").value(0))
                .andExpect(jsonPath("$.standard.feedback.incorrect").value(0))
                .andExpect(jsonPath("$.standard.false_pass_rate").value(0.0));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        insights(c, token, "?from=" + today.minusDays(200) + "&to=" + today.minusDays(100))
                .andExpect(jsonPath("$.standard.assessed").value(1))
                .andExpect(jsonPath("$.safety.overridden").value(1))
                .andExpect(jsonPath("$.standard.false_pass_rate").value(1.0));
        insights(c, token, "?from=" + today.minusDays(200))
                .andExpect(jsonPath("$.standard.assessed").value(2));
        insights(c, token, "?from=" + today.plusDays(1) + "&to=" + today.plusDays(2))
                .andExpect(jsonPath("$.standard.assessed").value(0))
                .andExpect(jsonPath("$.standard.false_pass_rate").value(Matchers.nullValue()));
    }

    @Test
    void aPeriodThatIsNotOneIs422() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String token = c.setup().tenant().adminToken();
        insights(c, token, "?from=yesterday").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        insights(c, token, "?to=2026-02-30").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        insights(c, token, "?from=2026-03-02&to=2026-03-01").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void handlersGet403WhateverTheIdAndAnotherOrganizationsWorkflowIs404() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String handler = c.setup().tenant().tokenOf(Role.PROJECT_HANDLER);
        insights(c, handler, "").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(get("/api/v1/workflows/not-an-id/insights?from=nonsense").header("Authorization", "Bearer " + handler))
                .andExpect(status().isForbidden());
        TestData.Tenant other = data.newTenant();
        insights(c, other.adminToken(), "").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        insights(c, other.tokenOf(Role.PROCESS_MANAGER), "").andExpect(status().isNotFound());
    }

    @Test
    void thePageShowsTheTableSortedByNoiseInEnglishAndGermanAndTheWorkflowPageLinksToIt() throws Exception {
        ResultReviewApiTests.Completed c = reviewed();
        CurrentUser manager = c.setup().tenant().user(Role.PROCESS_MANAGER);
        String path = "/workflows/" + c.setup().workflow() + "/insights";

        Document workflowPage = page(manager, "/workflows/" + c.setup().workflow());
        assertThat(workflowPage.select("a[data-testid=insights]").attr("href")).isEqualTo(path);
        assertThat(workflowPage.select("a[data-testid=start-assessment]").attr("href"))
                .isEqualTo("/assessments/new?workflow=" + c.setup().workflow());
        assertThat(page(c.setup().tenant().user(Role.PROJECT_HANDLER), "/workflows/" + c.setup().workflow())
                .select("a[data-testid=insights]")).isEmpty();

        Document ordered = page(manager, path);
        assertThat(ordered.select("[data-testid=insight-row]").eachAttr("data-key")).containsExactly("standard", "safety");
        assertThat(ordered.select("[data-key=standard] [data-testid=false-pass]").text()).isEqualTo("50%");
        assertThat(ordered.select("[data-key=safety] [data-testid=false-pass]").text()).isEqualTo("—");
        assertThat(ordered.select("[data-key=safety] [data-testid=noise]").text()).isEqualTo("2");
        Document noisy = page(manager, path + "?sort=noise");
        assertThat(noisy.select("[data-testid=insight-row]").eachAttr("data-key")).containsExactly("safety", "standard");
        assertThat(noisy.select("th[aria-sort=descending] a").attr("data-testid")).isEqualTo("sort-noise");

        Document german = page(manager, path + "?lang=de");
        assertThat(german.select("h1").text()).isEqualTo("Auswertung");
        assertThat(german.select("[data-testid=insights-table] th").text()).contains("Rauschen", "Überstimmt");

        Document bad = page(manager, path + "?from=soon");
        assertThat(bad.select("[data-testid=problem]").text()).contains("YYYY-MM-DD");
        assertThat(bad.select("[data-testid=insight-row]")).hasSize(2);

        mvc.perform(get(path).with(as(c.setup().tenant().user(Role.PROJECT_HANDLER)))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(data.newTenant().admin()))).andExpect(status().isNotFound());
    }

    @Test
    void aWorkflowWithoutCompletedAssessmentsShowsTheNextStep() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        Document empty = page(s.tenant().admin(), "/workflows/" + s.workflow() + "/insights");
        assertThat(empty.select("[data-testid=empty-state] a").attr("href"))
                .isEqualTo("/assessments/new?workflow=" + s.workflow());
        assertThat(empty.select("[data-testid=insights-table]")).isEmpty();
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
