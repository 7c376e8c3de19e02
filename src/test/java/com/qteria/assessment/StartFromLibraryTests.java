package com.qteria.assessment;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The start page offers the library's ready documents in every bucket (not the rejected ones), and says which
 * required bucket is missing before anything is chosen, in English and German.
 */
@QteriaTest
class StartFromLibraryTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void everyBucketOffersTheReadyDocumentsOfTheLibraryAndTheHintNamesTheMissingBucket() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        uploaded.awaitRead(s.token(), s.report());
        uploaded.awaitRead(s.token(), s.manual());
        String broken = uploaded.upload(s.token(), "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        assertThat(uploaded.awaitRead(s.token(), broken)).isEqualTo("rejected");
        String path = "/assessments/new?workflow=" + s.workflow();

        Document page = page(s, path);
        assertThat(page.select("[data-testid=library]")).hasSize(2);
        assertThat(page.select("[data-testid=library][data-bucket=test_reports] [data-testid=library-document]")
                .eachAttr("data-document-id")).containsExactlyInAnyOrder(s.report(), s.manual());
        assertThat(page.select("[data-testid=library-add]").first().attr("aria-label"))
                .matches("Add (report|manual)\\.pdf to Test reports");
        assertThat(page.select("template[data-library-row]").first().html()).contains("data-status=\"ready\"");
        assertThat(page.select("[data-testid=start-hint]").text()).endsWith("Missing: Test reports.");
        assertThat(page.select("[data-testid=start-hint]").attr("data-msg-missing")).endsWith("Missing: {0}.");

        Document german = page(s, path + "&lang=de");
        assertThat(german.select("[data-testid=start-hint]").text()).endsWith("Es fehlt: Test reports.");
        assertThat(german.select("[data-testid=library] summary").first().text())
                .isEqualTo("Aus der Bibliothek wählen (2)");
    }

    private Document page(AssessmentsApiTests.Setup s, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(s.tenant().user(Role.PROJECT_HANDLER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
