package com.qteria.assessment;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evidence viewer page (issue 12): the results page links every evidence line to it, a DOCX page is shown as
 * text with the quote marked, unverified evidence says so and is not highlighted, and another organization's
 * assessment is a 404 page.
 */
@QteriaTest
class EvidenceViewerPageTests {

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

    /** A completed assessment: "standard" passes on the report's given page, "safety" has retrieval passages. */
    record Assessed(TestData.Tenant tenant, String id, String report) {

        String viewer(String criterion, int n) {
            return "/assessments/" + id + "/results/" + criterion + "/evidence/" + n;
        }
    }

    static Assessed assessed(MockMvc mvc, TestData data, UploadedDocuments uploaded, WorkflowManagement workflows,
            String reportName, byte[] report) throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc,
                AssessmentsApiTests.setup(data, uploaded, workflows, reportName, report));
        return new Assessed(c.setup().tenant(), c.id(), c.setup().report());
    }

    @Test
    void everyEvidenceLineOfTheResultsLinksToTheViewer() throws Exception {
        Assessed a = assessed(mvc, data, uploaded, workflows, "report.pdf",
                SamplePdfs.pdf("Cover", "Test report according to IEC 62368-1:2018"));
        CurrentUser handler = a.tenant().user(Role.PROJECT_HANDLER);

        Document results = page(handler, "/assessments/" + a.id());
        assertThat(results.select("#result-standard [data-testid=evidence-link]").first().attr("href"))
                .isEqualTo(a.viewer("standard", 1));
        assertThat(results.select("#result-standard [data-testid=evidence-link]").first().text())
                .isEqualTo("report.pdf · p. 2 — Test report according to IEC 62368-1:2018");

        Document viewer = page(handler, a.viewer("standard", 1));
        assertThat(viewer.select("[data-testid=viewer-location]").text()).isEqualTo("report.pdf · p. 2");
        assertThat(viewer.select("[data-evidence-viewer]").attr("data-page")).isEqualTo("2");
        assertThat(viewer.select("[data-evidence-viewer]").attr("data-content"))
                .isEqualTo("/documents/" + a.report() + "/content");
        assertThat(viewer.select("[data-testid=highlight]")).hasSize(1); // the quoted line, its words joined
        assertThat(viewer.select("[data-testid=viewer-unverified]")).isEmpty();
        // In the order of the results page: "safety" (needs review) before "standard" (pass)
        assertThat(viewer.select("[data-testid=viewer-next]")).isEmpty();
        assertThat(viewer.select("[data-testid=viewer-previous]").attr("href")).isEqualTo(a.viewer("safety", 1));
        assertThat(viewer.select("[data-testid=viewer-position]").text()).isEqualTo("Evidence 2 of 2");
        assertThat(viewer.select("[data-testid=viewer-back]").attr("href"))
                .isEqualTo("/assessments/" + a.id() + "#result-standard");
        assertThat(viewer.select("script[type=module]").attr("src")).isEqualTo("/js/evidence-viewer.js");

        Document german = page(handler, a.viewer("safety", 1) + "?lang=de");
        assertThat(german.select("[data-testid=viewer-next]").text()).isEqualTo("Nächster Nachweis");
        assertThat(german.select("[data-testid=viewer-next]").attr("href")).isEqualTo(a.viewer("standard", 1));

        mvc.perform(get(a.viewer("standard", 2)).with(as(handler))).andExpect(status().isNotFound());
        mvc.perform(get(a.viewer("nothing", 1)).with(as(handler))).andExpect(status().isNotFound());
    }

    @Test
    void aWordPageIsShownAsTextWithTheQuoteMarked() throws Exception {
        Assessed a = assessed(mvc, data, uploaded, workflows, "report.docx",
                SamplePdfs.docxPages("Cover sheet", "Tested according to IEC 62368-1:2018 in our laboratory."));
        CurrentUser handler = a.tenant().user(Role.PROCESS_MANAGER);

        Document viewer = page(handler, a.viewer("standard", 1));
        assertThat(viewer.select("[data-testid=viewer-location]").text()).isEqualTo("report.docx · p. 2");
        assertThat(viewer.select("[data-evidence-viewer], canvas")).isEmpty();
        assertThat(viewer.select("[data-testid=viewer-zoom-in]")).isEmpty();
        assertThat(viewer.select("[data-testid=viewer-text] mark").text())
                .isEqualTo("Tested according to IEC 62368-1:2018 in our laboratory.");
        assertThat(viewer.select("[data-testid=viewer-original]").attr("href"))
                .isEqualTo("/documents/" + a.report() + "/content");
    }

    @Test
    void anUnverifiedQuoteIsSaidToBeSoAndNotHighlighted() throws Exception {
        Assessed a = assessed(mvc, data, uploaded, workflows, "report.pdf",
                SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        // As a model's quote that the server could not find on the page is stored
        String finding = jdbc.sql("select finding from assessment_findings where assessment_id = :id and criterion_key = 'standard'")
                .param("id", UUID.fromString(a.id())).query(String.class).single();
        String unverified = finding.replace("Test report according to IEC 62368-1:2018", "Certified by the moon")
                .replace("\"verified\":true", "\"verified\":false");
        assertThat(unverified).contains("Certified by the moon").contains("\"verified\":false");
        jdbc.sql("update assessment_findings set finding = :f where assessment_id = :id and criterion_key = 'standard'")
                .param("f", unverified).param("id", UUID.fromString(a.id())).update();

        Document viewer = page(a.tenant().user(Role.PROJECT_HANDLER), a.viewer("standard", 1));
        assertThat(viewer.select("[data-testid=viewer-unverified]").text())
                .isEqualTo("This quote was not found on the page by Qteria.");
        assertThat(viewer.select("[data-evidence-viewer]").attr("data-quote")).isEqualTo("Certified by the moon");
        assertThat(viewer.select("[data-testid=highlight]")).isEmpty();
    }

    @Test
    void aDocumentDeletedAfterTheAssessmentIsSaidToBeGone() throws Exception {
        Assessed a = assessed(mvc, data, uploaded, workflows, "report.pdf",
                SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        mvc.perform(delete("/api/v1/documents/" + a.report()).header("Authorization", "Bearer " + a.tenant().adminToken()))
                .andExpect(status().is2xxSuccessful());

        Document viewer = page(a.tenant().user(Role.PROJECT_HANDLER), a.viewer("standard", 1));
        assertThat(viewer.select("[data-testid=viewer-no-document]").text())
                .startsWith("The document was deleted after the assessment");
        assertThat(viewer.select("[data-evidence-viewer], [data-testid=viewer-text], [data-testid=viewer-original]"))
                .isEmpty();
        assertThat(viewer.select("[data-testid=viewer-location]").text()).isEqualTo("report.pdf · p. 1");
    }

    @Test
    void anotherOrganizationsAssessmentIsNotFound() throws Exception {
        Assessed a = assessed(mvc, data, uploaded, workflows, "report.pdf",
                SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        CurrentUser stranger = data.newTenant().user(Role.ADMIN);

        String body = mvc.perform(get(a.viewer("standard", 1)).with(as(stranger))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("IEC 62368-1").doesNotContain(a.report());
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
