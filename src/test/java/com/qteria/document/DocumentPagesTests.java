package com.qteria.document;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@QteriaTest
class DocumentPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    DocumentManagement documents;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void theSessionUploadNeedsTheCsrfTokenAndAnswersJson() throws Exception {
        CurrentUser handler = data.newTenant().user(Role.PROJECT_HANDLER);
        MockMultipartFile file = new MockMultipartFile("file", "r.pdf", "application/pdf", SamplePdfs.pdf("Hello"));
        mvc.perform(multipart("/documents/upload").file(file).with(as(handler)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/documents/upload").file(file).with(as(handler)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items[0].filename").value("r.pdf"));
        mvc.perform(multipart("/documents/upload").file(new MockMultipartFile("file", "x.exe", "application/pdf",
                        DocumentsApiTests.ELF)).with(as(handler)).with(csrf()).header("Accept", "application/json"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void theListShowsStatusAndTheReadPageShowsTheTextOfEachPage() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(token, "declaration.pdf", SamplePdfs.pdf("EU Declaration of Conformity", "Signed"));
        uploaded.awaitRead(token, id);

        Document list = html(mvc.perform(get("/documents").with(as(handler))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.select("[data-testid=document-row]")).hasSize(1);
        assertThat(list.select("[data-testid=document-status]").attr("data-status")).isEqualTo("ready");
        assertThat(list.select("[data-testid=document-status]").text()).contains("Ready · 2 pages");

        Document read = html(mvc.perform(get("/documents/" + id).with(as(handler))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(read.select("[data-testid=document-name]").text()).isEqualTo("declaration.pdf");
        assertThat(read.select("[data-testid=page-text]").eachText())
                .containsExactly("EU Declaration of Conformity", "Signed");
        assertThat(read.select("[data-testid=ocr-tag]")).isEmpty();

        Document german = html(mvc.perform(get("/documents/" + id).header("Accept-Language", "de").with(as(handler)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(german.text()).contains("Was Qteria gelesen hat", "Bereit · 2 Seiten");
    }

    @Test
    void aPageBeyondTheTextCapIsStoredServedAndShownAtTheCapWithTheWarning() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        String page = IntStream.range(0, 15_000).mapToObj(i -> "Clause " + i + " passed.").collect(joining(" "));
        String read = page.substring(0, 200_000).stripTrailing();
        String id = uploaded.upload(token, "long.docx", SamplePdfs.docx(page));
        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");

        String text = mvc.perform(get("/api/v1/documents/" + id + "/text").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(text, "$.pages[0].text")).isEqualTo(read);
        assertThat(text).hasSizeLessThan(201_000);

        Document html = html(mvc.perform(get("/documents/" + id).with(as(handler))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.select("[data-testid=page-text]").text()).isEqualTo(read);
        assertThat(html.select("[data-testid=warnings]").text())
                .isEqualTo("Page 1 has more than 200,000 characters of text: only the first 200,000 were read.");
    }

    @Test
    void theUploadPageHasADropZonePerBucketOfTheWorkflow() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("EMC", null,
                List.of(new WorkflowInput.BucketInput("emc_reports", "EMC test reports", true, 0),
                        new WorkflowInput.BucketInput("doc", "Declaration of conformity", false, 1)),
                List.of(new WorkflowInput.CriterionInput("c", "C", null, List.of("*"), null, 0, null)))).id();
        Document page = html(mvc.perform(get("/documents/new").param("workflow", workflow.toString())
                        .with(as(tenant.user(Role.PROJECT_HANDLER)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("[data-testid=bucket]").eachAttr("data-bucket")).containsExactly("emc_reports", "doc");
        assertThat(page.select("[data-testid=bucket] input[type=file][multiple]")).hasSize(2);
        mvc.perform(get("/documents/new").param("workflow", UUID.randomUUID().toString())
                        .with(as(tenant.user(Role.PROJECT_HANDLER))))
                .andExpect(status().isNotFound());
    }

    @Test
    void deletingFromThePageIsRefusedWithAReasonWhileHeldThenWorks() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String id = uploaded.upload(tenant.tokenOf(Role.PROJECT_HANDLER), "held.pdf", SamplePdfs.pdf("Held"));
        UUID assessment = UUID.randomUUID();
        documents.hold(tenant.id(), List.of(new DocumentId(UUID.fromString(id))), assessment);
        mvc.perform(post("/documents/" + id + "/delete").with(as(handler)).with(csrf()))
                .andExpect(redirectedUrl("/documents/" + id))
                .andExpect(flash().attribute("notice", "document.deleteBlocked"));
        documents.release(assessment);
        mvc.perform(post("/documents/" + id + "/delete").with(as(handler)).with(csrf()))
                .andExpect(redirectedUrl("/documents"))
                .andExpect(flash().attribute("notice", "document.deleted"));
        mvc.perform(get("/documents/" + id).with(as(handler))).andExpect(status().isNotFound());
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }

    private static Document html(String body) {
        return Jsoup.parse(body);
    }
}
