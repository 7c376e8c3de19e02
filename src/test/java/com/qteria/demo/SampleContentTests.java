package com.qteria.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.DocumentManagement;
import com.qteria.document.UploadedDocuments;
import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.Paging;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@QteriaTest
class SampleContentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    DocumentManagement documents;
    @Autowired
    UploadedDocuments uploaded;

    @Test
    void theEmptyDashboardOffersTheSamplesAndOneClickLoadsWorkflowsAndReadableDocuments() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String dashboard = mvc.perform(get("/").with(as(tenant.admin()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("data-testid=\"load-samples\"");

        mvc.perform(post("/samples").with(as(tenant.admin())).with(csrf())).andExpect(redirectedUrl("/documents"));

        assertThat(workflows.list(tenant.id(), "", false, Paging.of(0, 10)).items())
                .extracting(w -> w.name()).hasSize(3);
        List<DocumentView> loaded = documents.list(tenant.id(), "", Paging.of(0, 100)).items();
        assertThat(loaded).hasSize(14);
        String token = tenant.adminToken();
        for (DocumentView document : loaded) {
            assertThat(uploaded.awaitRead(token, document.id().toString())).as(document.filename()).isEqualTo("ready");
        }
        assertThat(mvc.perform(get("/").with(as(tenant.admin()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("data-testid=\"load-samples\"");
    }

    @Test
    void aProjectHandlerCannotLoadSamples() throws Exception {
        CurrentUser handler = data.newTenant().user(Role.PROJECT_HANDLER);
        mvc.perform(post("/samples").with(as(handler)).with(csrf())).andExpect(status().isForbidden());
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }
}
