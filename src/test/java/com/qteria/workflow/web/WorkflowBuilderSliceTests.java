package com.qteria.workflow.web;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.SignedIn;
import com.qteria.support.WebSlice;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workflow builder's htmx answers as a slice: with {@code HX-Request} a fragment to swap in (the builder body,
 * the pattern trial, "saved" with {@code HX-Redirect}), without it the whole page or a redirect; in the visitor's
 * language; only for process managers and admins, and only with the form's CSRF token.
 */
@WebSlice(WorkflowBuilderController.class)
class WorkflowBuilderSliceTests {

    private final CurrentUser manager = SignedIn.user(Role.PROCESS_MANAGER, "Pia");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkflowManagement workflows;

    @Test
    void anHtmxActionAnswersTheBuilderBodyAndAPlainPostTheWholePage() throws Exception {
        MockHttpServletRequestBuilder addBucket = post("/workflows/new").with(as(manager)).with(csrf())
                .param("action", "add-bucket").param("name", "Draft")
                .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "First");
        Document fragment = html(addBucket.header("HX-Request", "true"));
        assertThat(fragment.select("header.topbar")).isEmpty();
        assertThat(fragment.body().child(0).id()).isEqualTo("builder-body");
        assertThat(fragment.getElementById("bucket-0-name").val()).isEqualTo("First");
        assertThat(fragment.getElementById("bucket-1-name")).isNotNull();

        Document page = html(post("/workflows/new").with(as(manager)).with(csrf())
                .param("action", "add-bucket").param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "First"));
        assertThat(page.select("header.topbar")).hasSize(1);
        assertThat(page.getElementById("builder-body")).isNotNull();
        verify(workflows, never()).create(any(), any());
    }

    @Test
    void tryingAPatternAnswersOnlyTheResultInTheVisitorsLanguage() throws Exception {
        Document result = html(post("/workflows/pattern-preview").with(as(manager)).with(csrf())
                .header("HX-Request", "true").header("Accept-Language", "de-DE,de;q=0.9")
                .param("action", "preview:criteria[0].checks[1]")
                .param("criteria[0].checks[1].type", "same_value")
                .param("criteria[0].checks[1].pattern", "Model: ([A-Z0-9-]+)")
                .param("criteria[0].checks[1].sample", "Model: QX-100 und später Model: QX-200"));
        assertThat(result.select("header, form, #builder-body")).isEmpty();
        assertThat(result.select("[data-testid=preview-count]").text()).isEqualTo("2 Treffer im Beispieltext:");
        assertThat(result.select(".matches code.captured").eachText()).containsExactly("QX-100", "QX-200");
    }

    @Test
    void savingThroughHtmxRedirectsTheBrowserAndAPlainSaveRedirects() throws Exception {
        WorkflowView saved = WorkflowView.offline(new WorkflowInput("Machinery", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("tr_standard", "Cites EN 60204-1", null,
                        List.of("test_reports"), "required", 0, null))));
        given(workflows.create(any(), any())).willReturn(saved);
        MockHttpServletRequestBuilder save = post("/workflows/new").with(as(manager)).with(csrf())
                .param("action", "save").param("name", "Machinery");
        String body = mvc.perform(save.header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/workflows/" + saved.id()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(body).text()).isEqualTo("Saved. Opening the workflow…");

        mvc.perform(post("/workflows/new").with(as(manager)).with(csrf()).param("action", "save").param("name", "Machinery"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/workflows/" + saved.id()))
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    @Test
    void aProjectHandlerOrAFormWithoutItsTokenIsRefused() throws Exception {
        CurrentUser handler = SignedIn.user(Role.PROJECT_HANDLER, "Hans");
        mvc.perform(post("/workflows/pattern-preview").with(as(handler)).with(csrf()).header("HX-Request", "true")
                .param("action", "preview:criteria[0].checks[0]")).andExpect(status().isForbidden());
        mvc.perform(post("/workflows/new").with(as(handler)).with(csrf()).param("action", "save").param("name", "Mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workflows/new").with(as(manager)).param("action", "save").param("name", "Mine"))
                .andExpect(status().isForbidden());
        CurrentUser admin = SignedIn.user(Role.ADMIN, "Ada");
        mvc.perform(post("/workflows/new").with(as(admin)).with(csrf()).header("HX-Request", "true")
                .param("action", "add-bucket")).andExpect(status().isOk());
        verify(workflows, never()).create(any(), any());
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
