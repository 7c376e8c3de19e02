package com.qteria.identity;

import static com.qteria.support.ApiRequests.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** API.md: a role that may not act gets 403 whatever it sends — the role is checked before the input is read. */
@QteriaTest
class RolesBeforeInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void aHandlerGets403NotTheInputsErrorOnAdminAndProcessManagerEndpoints() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String handler = tenant.tokenOf(Role.PROJECT_HANDLER);
        CurrentUser someone = tenant.user(Role.PROJECT_HANDLER);

        mvc.perform(json(patch("/api/v1/users/" + someone.id()), handler, "{\"role\": \"emperor\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(json(post("/api/v1/workflows"), handler, "this is not JSON"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(json(put("/api/v1/ai-settings"), handler, "{"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
    }

    @Test
    void aHandlerGets403OnAdminPagePostsWhateverTheForm() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        CurrentUser someone = tenant.user(Role.PROJECT_HANDLER);

        mvc.perform(post("/admin/users/" + someone.id() + "/role").param("role", "emperor")
                        .with(SignedIn.as(handler)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/not-an-id/role").with(SignedIn.as(handler)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRightRoleStillGetsTheInputsError() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        mvc.perform(json(post("/api/v1/workflows"), tenant.tokenOf(Role.PROCESS_MANAGER), "this is not JSON"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(patch("/api/v1/users/" + tenant.user(Role.PROJECT_HANDLER).id()), tenant.adminToken(),
                        "{\"role\": \"emperor\"}"))
                .andExpect(status().isUnprocessableContent());
    }
}
