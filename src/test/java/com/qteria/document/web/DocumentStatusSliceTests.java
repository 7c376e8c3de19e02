package com.qteria.document.web;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.Role;
import com.qteria.shared.ApiProblem;
import com.qteria.support.SignedIn;
import com.qteria.support.WebSlice;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document status fragment the upload page polls with htmx, as a slice: while the document is read it asks for
 * itself again every two seconds, and stops once the document is ready or rejected; the words follow the visitor's
 * language; a missing document is the error page with 404.
 */
@WebSlice(DocumentPagesController.class)
class DocumentStatusSliceTests {

    private final CurrentUser handler = SignedIn.user(Role.PROJECT_HANDLER, "Hans");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    DocumentManagement documents;
    @MockitoBean
    WorkflowManagement workflows;
    @MockitoBean
    IdentityManagement identity;

    @Test
    void aDocumentBeingReadPollsForItself() throws Exception {
        String id = document("processing", null, null);
        Element status = fragment(get("/documents/" + id + "/status").with(as(handler)));
        assertThat(status.attr("data-status")).isEqualTo("processing");
        assertThat(status.attr("hx-get")).isEqualTo("/documents/" + id + "/status");
        assertThat(status.attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(status.attr("hx-swap")).isEqualTo("outerHTML");
        assertThat(status.text()).contains("Reading…");
        assertThat(status.select("[data-testid=document-read-link]")).isEmpty();
    }

    @Test
    void aReadDocumentStopsPollingAndLinksToWhatWasRead() throws Exception {
        String id = document("ready", 12, null);
        Element status = fragment(get("/documents/" + id + "/status").with(as(handler)).header("Accept-Language", "de"));
        assertThat(status.attr("data-status")).isEqualTo("ready");
        assertThat(status.hasAttr("hx-get") || status.hasAttr("hx-trigger")).isFalse();
        assertThat(status.text()).contains("Bereit · 12 Seiten");
        assertThat(status.select("[data-testid=document-read-link]").attr("href")).isEqualTo("/documents/" + id);
    }

    @Test
    void aRejectedDocumentSaysWhy() throws Exception {
        String id = document("rejected", null, "It is password-protected.");
        Element status = fragment(get("/documents/" + id + "/status").with(as(handler)));
        assertThat(status.hasAttr("hx-get")).isFalse();
        assertThat(status.select("[data-testid=document-error]").text())
                .isEqualTo("Unable to read report.pdf. It is password-protected.");
    }

    @Test
    void aMissingDocumentIsTheErrorPage() throws Exception {
        given(documents.get(any(), any())).willThrow(ApiProblem.notFound("Document"));
        String body = mvc.perform(get("/documents/" + UUID.randomUUID() + "/status").with(as(handler)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(body).select("[data-testid=error-page]").attr("data-status")).isEqualTo("404");
    }

    /** Stubs a document as the API would answer it (so the view is read as clients read it); returns its id. */
    private String document(String status, Integer pages, String error) {
        String id = UUID.randomUUID().toString();
        DocumentView view = json.readValue("""
                {"id": "%s", "filename": "report.pdf", "media_type": "application/pdf", "size_bytes": 20480,
                 "pages": %s, "status": "%s", "error": %s, "uploaded_at": "2026-12-01T09:00:00Z", "warnings": [],
                 "ocr_pages": 0, "signatures": []}
                """.formatted(id, pages, status, error == null ? null : "\"" + error + "\""), DocumentView.class);
        given(documents.get(any(), any())).willReturn(view);
        return id;
    }

    private Element fragment(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document html = Jsoup.parse(body);
        assertThat(html.select("header, main")).as("a fragment, not a page").isEmpty();
        return html.selectFirst("[data-testid=document-status]");
    }
}
