package com.qteria.flags;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.flags.openfeature.DatabaseFlagProvider;
import com.qteria.flags.persistence.FlagSwitches;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.WithOperator;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may switch flags and where: admins their organization and its people (API and page), the operator everyone;
 * other roles 403 whatever they name, another organization's person 404, an unknown flag 404. Another instance
 * agrees within the cache's TTL.
 */
@QteriaTest
@WithOperator
class FeatureFlagsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    FeatureFlags flags;
    @Autowired
    FlagSwitches switches;

    @Test
    void onlyAdminsSeeAndSwitchTheirOrganizationsFlagsAndOnlyTheOperatorSwitchesThemForEveryone() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        UUID colleague = tenant.user(Role.PROJECT_HANDLER).id();
        for (Role role : new Role[] {Role.PROCESS_MANAGER, Role.PROJECT_HANDLER}) {
            String token = tenant.tokenOf(role);
            mvc.perform(get("/api/v1/feature-flags").header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
            mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf"), token, "{\"enabled\": true}"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/users/" + colleague), token, "{\"enabled\": true}"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/users/" + UUID.randomUUID()), token, "{"))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/global"), token, "{\"enabled\": true}"))
                    .andExpect(status().isForbidden());
            CurrentUser user = tenant.user(role);
            mvc.perform(get("/admin/flags").with(SignedIn.as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/flags/shared_report_pdf").param("state", "on").with(SignedIn.as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/global"), tenant.adminToken(), "{\"enabled\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/feature-flags").header("Authorization", WithOperator.BEARER)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/feature-flags/shared_report_pdf").header("Authorization", WithOperator.BEARER)
                .contentType("application/json").content("{\"enabled\": true}")).andExpect(status().isForbidden());
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tenant.id())).isFalse();

        mvc.perform(get("/api/v1/feature-flags").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].key").value("shared_report_pdf"))
                .andExpect(jsonPath("$.items[0].default_enabled").value(false))
                .andExpect(jsonPath("$.items[0].organization").doesNotExist())
                .andExpect(jsonPath("$.items[0].enabled").value(false));
    }

    @Test
    void anotherOrganizationsPersonOrAnUnknownFlagIs404() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        UUID stranger = other.user(Role.PROJECT_HANDLER).id();
        for (UUID id : new UUID[] {stranger, other.admin().id(), UUID.randomUUID()}) {
            mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/users/" + id), tenant.adminToken(),
                            "{\"enabled\": true}"))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(post("/admin/flags/shared_report_pdf/users").param("user", id.toString()).param("state", "on")
                    .with(SignedIn.as(tenant.admin())).with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(json(put("/api/v1/feature-flags/no_such_flag"), tenant.adminToken(), "{\"enabled\": true}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(put("/api/v1/feature-flags/no_such_flag/global").header("Authorization", WithOperator.BEARER)
                .contentType("application/json").content("{\"enabled\": true}")).andExpect(status().isNotFound());
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, new CurrentUser(stranger, other.id(), "x@example.com", "X",
                Role.PROJECT_HANDLER))).isFalse();
    }

    @Test
    void theAdminPageSwitchesTheOrganizationAndSinglePeople() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser tester = tenant.user(Role.PROJECT_HANDLER);
        String page = page(tenant);
        assertThat(page).contains("data-flag=\"shared_report_pdf\"", "Off for your organization.", "data-testid=\"no-user-switches\"");

        mvc.perform(post("/admin/flags/shared_report_pdf").param("state", "on").with(SignedIn.as(tenant.admin())).with(csrf()))
                .andExpect(redirectedUrl("/admin/flags"));
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tenant.id())).isTrue();
        assertThat(page(tenant)).contains("On for your organization.");

        mvc.perform(post("/admin/flags/shared_report_pdf/users").param("user", tester.id().toString()).param("state", "off")
                .with(SignedIn.as(tenant.admin())).with(csrf())).andExpect(redirectedUrl("/admin/flags"));
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tester)).isFalse();
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tenant.admin())).isTrue();
        assertThat(page(tenant)).contains("data-testid=\"user-switches\"", "data-email=\"" + tester.email() + "\"");

        mvc.perform(post("/admin/flags/shared_report_pdf/users").param("user", tester.id().toString())
                .param("state", "default").with(SignedIn.as(tenant.admin())).with(csrf()));
        mvc.perform(post("/admin/flags/shared_report_pdf").param("state", "default").with(SignedIn.as(tenant.admin()))
                .with(csrf()));
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tester)).isFalse();
        assertThat(page(tenant)).contains("data-testid=\"no-user-switches\"", "Off for your organization.");
        assertThat(mvc.perform(get("/admin/flags").with(SignedIn.as(tenant.admin())).header("Accept-Language", "de"))
                .andReturn().getResponse().getContentAsString()).contains("Funktionsschalter", "PDF-Bericht");
    }

    @Test
    void anotherInstanceAgreesWithinTheCachesTimeToLive() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        DatabaseFlagProvider otherInstance = new DatabaseFlagProvider(switches::all, Duration.ofMillis(300));
        assertThat(otherInstance.switchboard().at("shared_report_pdf", FlagScope.ORGANIZATION, tenant.uuid())).isEmpty();

        flags.switchForOrganization(tenant.admin(), "shared_report_pdf", true);
        assertThat(flags.enabled(Feature.SHARED_REPORT_PDF, tenant.id())).as("this instance, at once").isTrue();
        assertThat(otherInstance.switchboard().at("shared_report_pdf", FlagScope.ORGANIZATION, tenant.uuid()))
                .as("the other instance, until its copy is older than the TTL").isEmpty();
        Thread.sleep(350);
        assertThat(otherInstance.switchboard().at("shared_report_pdf", FlagScope.ORGANIZATION, tenant.uuid())).contains(true);
    }

    @Test
    void everyFlagHasANameAndDescriptionInEnglishAndGerman() throws Exception {
        for (String file : new String[] {"/messages.properties", "/messages_de.properties"}) {
            Properties messages = new Properties();
            try (var in = getClass().getResourceAsStream(file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Feature feature : Feature.values()) {
                assertThat(messages.getProperty("flags.name." + feature.key())).as(file).isNotBlank();
                assertThat(messages.getProperty("flags.description." + feature.key())).as(file).isNotBlank();
            }
        }
    }

    private String page(TestData.Tenant tenant) throws Exception {
        return mvc.perform(get("/admin/flags").with(SignedIn.as(tenant.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
