package com.qteria.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.WithOperator;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QteriaTest
@WithOperator
class OrganizationsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void theOperatorCreatesAnOrganizationWhoseAdminCanSignIn() throws Exception {
        String email = "first-admin-" + TestData.unique() + "@example.com";
        mvc.perform(post("/api/v1/organizations").header("Authorization", WithOperator.BEARER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"TÜV Nord-Ost\", \"admin\": {\"email\": \"" + email
                                + "\", \"name\": \"Greta Admin\", \"password\": \"" + TestData.PASSWORD + "\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").exists())
                .andExpect(jsonPath("$.name").value("TÜV Nord-Ost"))
                .andExpect(jsonPath("$.admin.email").value(email))
                .andExpect(jsonPath("$.admin.role").value("admin"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"password\": \"" + TestData.PASSWORD + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminWithoutPasswordIsInvitedAndTheOperatorGetsTheLinkToPassOn() throws Exception {
        String email = "invited-admin-" + TestData.unique() + "@example.com";
        String body = mvc.perform(post("/api/v1/organizations").header("Authorization", WithOperator.BEARER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Invited GmbH\", \"admin\": {\"email\": \"" + email + "\", \"name\": \"Ines\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation_expires_at").exists())
                .andReturn().getResponse().getContentAsString();
        String link = com.jayway.jsonpath.JsonPath.read(body, "$.invitation_url");
        String path = java.net.URI.create(link).getPath();
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Invited GmbH")));
    }

    @Test
    void organizationRequestsAreValidated() throws Exception {
        mvc.perform(post("/api/v1/organizations").header("Authorization", WithOperator.BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"admin\": {\"email\": \"x\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'admin.email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'admin.name')]").exists());
    }

    @Test
    void onlyTheOperatorCreatesOrganizations() throws Exception {
        String admin = data.newTenant().adminToken();
        String body = "{\"name\": \"Sneaky\", \"admin\": {\"email\": \"s-" + TestData.unique()
                + "@example.com\", \"name\": \"S\"}}";
        mvc.perform(post("/api/v1/organizations").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/organizations").header("Authorization", "Bearer operator-guess")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOperatorReadsNoTenantData() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        for (String path : new String[] {"/api/v1/me", "/api/v1/users", "/api/v1/users/" + tenant.admin().id(),
                "/api/v1/audit-events", "/api/v1/audit-events/verify", "/api/v1/me/tokens"}) {
            mvc.perform(get(path).header("Authorization", WithOperator.BEARER))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        }
    }
}
