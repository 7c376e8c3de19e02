package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The results page's review and feedback controls: CSRF-protected form posts per result card, the machine's verdict
 * shown beside the reviewer's, the summary banner following the review and undo restoring it, in English and German.
 */
@QteriaTest
class ResultReviewPageTests {

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

    @Test
    void aHandlerOverridesAVerdictOnTheResultsPageAndUndoesIt() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        String page = "/assessments/" + c.id();

        Document before = page(handler, page);
        assertThat(before.select("[data-testid=summary] [data-testid=verdict]").attr("data-verdict"))
                .isEqualTo("needs_review");
        Element safety = before.getElementById("result-safety");
        assertThat(safety.select("form[data-testid=review-form] input[name=_csrf]")).hasSize(1);
        assertThat(safety.select("form[data-testid=review-form]").attr("action"))
                .isEqualTo(page + "/results/safety/review");
        assertThat(safety.select("input[name=verdict]")).extracting(e -> e.attr("value")).containsExactly("pass", "fail");
        assertThat(safety.select("[data-testid=feedback-form] legend").text()).isEqualTo("Was this correct?");
        assertThat(safety.select("[data-testid=review-undo]")).isEmpty();

        mvc.perform(post(page + "/results/safety/review").with(as(handler))
                        .param("verdict", "pass").param("comment", "Page 1 has the safety instructions."))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/results/safety/review").with(as(handler)).with(csrf())
                        .param("verdict", "pass").param("comment", "Page 1 has the safety instructions."))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page + "#result-safety"));

        Document reviewed = page(handler, page);
        assertThat(reviewed.select("[data-testid=summary] [data-testid=verdict]").attr("data-verdict")).isEqualTo("pass");
        Element card = reviewed.getElementById("result-safety");
        assertThat(card.attr("data-verdict")).isEqualTo("pass");
        assertThat(card.select("[data-testid=review-line]").text())
                .startsWith("Machine verdict: Needs review · Reviewed: Pass by " + handler.name() + ", ");
        assertThat(card.select("[data-testid=review-comment]").text()).isEqualTo("Page 1 has the safety instructions.");
        assertThat(card.select("[data-testid=review-undo]")).hasSize(1);

        mvc.perform(post(page + "/results/standard/review").with(as(handler)).with(csrf()).param("verdict", "fail"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("resultProblemKey", "standard"))
                .andExpect(flash().attribute("resultProblem", org.hamcrest.Matchers.containsString("differs")));

        mvc.perform(post(page + "/results/safety/review/undo").with(as(handler)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page + "#result-safety"));
        Document undone = page(handler, page);
        assertThat(undone.select("[data-testid=summary] [data-testid=verdict]").attr("data-verdict"))
                .isEqualTo("needs_review");
        assertThat(undone.select("[data-testid=review-line]")).isEmpty();
    }

    @Test
    void feedbackIsSavedFromTheCardAndTheControlsSpeakGerman() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        CurrentUser manager = c.setup().tenant().user(Role.PROCESS_MANAGER);
        String page = "/assessments/" + c.id();

        mvc.perform(post(page + "/results/standard/feedback").with(as(manager)).with(csrf())
                        .param("correct", "false").param("comment", "The report is for another model."))
                .andExpect(status().isFound()).andExpect(flash().attribute("feedbackSaved", "standard"));
        assertThat(jdbc.sql("select correct from assessment_feedback where assessment_id = :id")
                .param("id", UUID.fromString(c.id())).query(Boolean.class).list()).containsExactly(false);

        Document german = page(manager, page + "?lang=de");
        Element standard = german.getElementById("result-standard");
        assertThat(standard.select("[data-testid=review-open]").text()).isEqualTo("Beurteilen");
        assertThat(standard.select("[data-testid=feedback-form] legend").text()).isEqualTo("War das richtig?");
    }

    @Test
    void resultsNeedingAttentionComeFirstWithFiltersDurationAndTheFingerprintsOfTheDocumentsAssessed() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        Document page = page(handler, "/assessments/" + c.id());

        // The workflow lists "standard" (passes) before "safety" (needs review); the page puts attention first.
        assertThat(page.select("[data-testid=result]")).extracting(e -> e.attr("data-key"))
                .containsExactly("safety", "standard");
        assertThat(page.select("[data-testid=result]")).allMatch(e -> e.hasAttr("data-severity"));
        assertThat(page.select("[data-testid=result-filters]").hasAttr("hidden")).as("shown by script only").isTrue();
        assertThat(page.select("[data-testid=filter][data-filter-verdict]")).extracting(Element::text)
                .containsExactly("Needs review (1)", "Pass (1)");
        assertThat(page.select("[data-testid=filter][data-filter-severity]")).extracting(Element::text)
                .containsExactly("Required", "Advisory");
        assertThat(page.select("[data-testid=duration]").text()).matches("· took \\d+ s");

        assertThat(page.select("[data-testid=assessed-document]")).hasSize(2);
        for (String id : List.of(c.setup().report(), c.setup().manual())) {
            String sha256 = jdbc.sql("select sha256 from documents where id = :id").param("id", UUID.fromString(id))
                    .query(String.class).single();
            assertThat(page.select("[data-testid=assessed-documents] a[href=/documents/" + id + "]")).hasSize(1);
            assertThat(page.select("[data-testid=sha256]")).extracting(Element::text).contains(sha256);
        }
    }

    @Test
    void aDocumentDeletedAfterTheAssessmentStillShowsItsNameAndFingerprint() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        String manual = c.setup().manual();
        var row = jdbc.sql("select filename, sha256 from documents where id = :id").param("id", UUID.fromString(manual))
                .query((rs, n) -> List.of(rs.getString("filename"), rs.getString("sha256"))).single();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/documents/" + manual)
                .header("Authorization", "Bearer " + c.token())).andExpect(status().isNoContent());

        Document page = page(handler, "/assessments/" + c.id());
        assertThat(page.select("[data-testid=assessed-document]")).hasSize(2);
        assertThat(page.select("[data-testid=assessed-documents] a[href=/documents/" + manual + "]")).isEmpty();
        assertThat(page.select("[data-testid=assessed-documents] a[href=/documents/" + c.setup().report() + "]")).hasSize(1);
        assertThat(page.select("[data-testid=assessed-document]").text()).contains(row.get(0)).contains("Deleted since");
        assertThat(page.select("[data-testid=sha256]")).extracting(Element::text).contains(row.get(1));

        assertThat(page.select("[data-testid=export-csv]").attr("href")).isEqualTo("/assessments/" + c.id() + "/report.csv");
        assertThat(page.select("[data-testid=export-json]").attr("href")).isEqualTo("/assessments/" + c.id() + "/report.json");
        String json = mvc.perform(get("/assessments/" + c.id() + "/report.json").with(as(handler)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains(row.get(0)).contains(row.get(1));
        assertThat(mvc.perform(get("/assessments/" + c.id() + "/report.csv").with(as(handler)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentType()).startsWith("text/csv");
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }
}
