package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The organization's AI settings on the embedded default, where no provider is configured. */
@QteriaTest
class AiSettingsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void withoutAConfiguredProviderTheOrganizationUsesNoneAndMayOnlyChooseNone() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        mvc.perform(get("/api/v1/ai-settings").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.effective_provider").value("none"))
                .andExpect(jsonPath("$.effective_model").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.default_provider").value("none"))
                .andExpect(jsonPath("$.available_providers").value(Matchers.contains("none")))
                .andExpect(jsonPath("$.monthly_budget_usd").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.spent_this_month_usd").value(0.0));
        mvc.perform(json(put("/api/v1/ai-settings"), tenant.adminToken(), "{\"provider\": \"anthropic\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("provider"));
    }

    @Test
    void anAdminSetsABudgetThatOnlyTheirOrganizationSees() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        mvc.perform(json(put("/api/v1/ai-settings"), tenant.adminToken(),
                        "{\"provider\": \"none\", \"monthly_budget_usd\": 125.50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value("none"))
                .andExpect(jsonPath("$.monthly_budget_usd").value(125.5));
        mvc.perform(get("/api/v1/ai-settings").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.monthly_budget_usd").value(125.5));
        mvc.perform(get("/api/v1/ai-settings").header("Authorization", "Bearer " + other.adminToken()))
                .andExpect(jsonPath("$.provider").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.monthly_budget_usd").value(Matchers.nullValue()));
        mvc.perform(get("/api/v1/audit-events?action=ai_settings.updated")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items[0].details.monthly_budget_usd").value("125.50"));
    }

    @Test
    void invalidValuesAreRefusedPerField() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        mvc.perform(json(put("/api/v1/ai-settings"), tenant.adminToken(),
                        "{\"model\": \"gpt 4; drop table\", \"monthly_budget_usd\": -5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("model",
                        "monthly_budget_usd")));
        mvc.perform(json(put("/api/v1/ai-settings"), tenant.adminToken(), "{\"monthly_budget_usd\": "))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyAdminsReadOrChangeTheAiSettings() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        for (Role role : new Role[] {Role.PROCESS_MANAGER, Role.PROJECT_HANDLER}) {
            mvc.perform(get("/api/v1/ai-settings").header("Authorization", "Bearer " + tenant.tokenOf(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/v1/ai-settings"), tenant.tokenOf(role), "{\"provider\": \"none\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        }
    }
}
