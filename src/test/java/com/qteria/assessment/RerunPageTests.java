package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static com.qteria.support.SignedIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The results page's re-run: a CSRF-protected form that replaces a bucket's document with one of the library's ready
 * documents (or re-runs the same ones), the diff banner with each changed criterion marked, the carried review, and
 * the version chain v1 → v2 → v3 as links; in English and German.
 */
@QteriaTest
class RerunPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void aHandlerReplacesTheFailingReportReRunsAndSeesWhatWasFixedAndTheVersions() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String draft = uploaded.upload(s.token(), "draft-report.pdf", SamplePdfs.pdf(RerunApiTests.FAILING_REPORT));
        String v1 = com.jayway.jsonpath.JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        AssessmentsApiTests.start(s.workflow(), "test_reports", draft, "manuals", s.manual())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, s.token(), v1, "$.status", "completed", Duration.ofSeconds(90));
        mvc.perform(json(put("/api/v1/assessments/" + v1 + "/results/safety/review"), s.token(),
                "{\"verdict\": \"pass\", \"comment\": \"Page 1 has the safety instructions.\"}"));
        CurrentUser handler = s.tenant().user(Role.PROJECT_HANDLER);

        Document first = page(handler, "/assessments/" + v1);
        Element form = first.selectFirst("form[data-testid=rerun-form]");
        assertThat(form.attr("action")).isEqualTo("/assessments/" + v1 + "/rerun");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("input[name=bucket]")).extracting(e -> e.attr("value"))
                .containsExactly("test_reports", "manuals");
        assertThat(form.select("#rerun-test_reports option")).extracting(e -> e.attr("value"))
                .contains("", s.report(), draft);
        assertThat(first.getElementById("rerun-now-test_reports").text()).isEqualTo("Now: draft-report.pdf");
        assertThat(first.select("[data-testid=diff-banner]")).isEmpty();
        assertThat(first.select("[data-testid=versions]")).isEmpty();

        mvc.perform(post("/assessments/" + v1 + "/rerun").with(as(handler))
                .param("bucket", "test_reports", "manuals").param("document", s.report(), ""))
                .andExpect(status().isForbidden());
        String location = mvc.perform(post("/assessments/" + v1 + "/rerun").with(as(handler)).with(csrf())
                        .param("bucket", "test_reports", "manuals").param("document", s.report(), ""))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        String v2 = location.substring("/assessments/".length());
        assertThat(v2).isNotEqualTo(v1);
        awaitAssessment(mvc, s.token(), v2, "$.status", "completed", Duration.ofSeconds(90));

        Document second = page(handler, "/assessments/" + v2);
        assertThat(second.select("[data-testid=diff-banner]").text())
                .contains("1 fixed, 0 regressed, 1 unchanged").contains("since v1");
        Element standard = second.getElementById("result-standard");
        assertThat(standard.select("[data-testid=change]").attr("data-change")).isEqualTo("fixed");
        assertThat(standard.select("[data-testid=change]").text()).isEqualTo("Fixed · was Fail");
        Element safety = second.getElementById("result-safety");
        assertThat(safety.select("[data-testid=change]")).isEmpty();
        assertThat(safety.attr("data-verdict")).isEqualTo("pass");
        assertThat(safety.select("[data-testid=review-carried] a").attr("href")).isEqualTo("/assessments/" + v1);
        assertThat(second.getElementById("rerun-now-test_reports").text()).isEqualTo("Now: report.pdf");

        String v3 = mvc.perform(post("/assessments/" + v2 + "/rerun").with(as(handler)).with(csrf())
                        .param("bucket", "test_reports", "manuals").param("document", "", ""))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl()
                .substring("/assessments/".length());
        awaitAssessment(mvc, s.token(), v3, "$.status", "completed", Duration.ofSeconds(90));
        Document third = page(handler, "/assessments/" + v3 + "?lang=de");
        List<Element> versions = third.select("[data-testid=versions] [data-testid=version]");
        assertThat(versions).extracting(Element::text).containsExactly("v1", "v2", "v3");
        assertThat(versions.get(0).attr("href")).isEqualTo("/assessments/" + v1);
        assertThat(versions.get(1).attr("href")).isEqualTo("/assessments/" + v2);
        assertThat(versions.get(2).attr("aria-current")).isEqualTo("page");
        assertThat(third.select("[data-testid=diff-banner]").text())
                .contains("0 behoben, 0 verschlechtert, 2 unverändert").contains("seit v2");
        assertThat(third.select("[data-testid=rerun-submit]").text()).isEqualTo("Erneut prüfen");
        assertThat(page(handler, "/assessments/" + v1).select("[data-testid=versions] [data-testid=version]"))
                .extracting(Element::text).containsExactly("v1", "v2", "v3");
    }

    @Test
    void aRefusedReRunIsExplainedOnTheForm() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        String broken = uploaded.upload(c.token(), "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        uploaded.awaitRead(c.token(), broken);
        mvc.perform(post("/assessments/" + c.id() + "/rerun").with(as(handler)).with(csrf())
                        .param("bucket", "test_reports").param("document", broken))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/assessments/" + c.id() + "#rerun"))
                .andExpect(flash().attribute("rerunProblem", org.hamcrest.Matchers.containsString("broken.pdf")));
        mvc.perform(post("/assessments/" + c.id() + "/rerun").with(as(data.newTenant().admin())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
