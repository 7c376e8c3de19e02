package com.qteria.identity;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Preferences ({@code GET/PUT /api/v1/me/preferences} and the profile page): every role reads and changes its own,
 * only its own; a wrong body is a 422; a change is audited.
 */
@QteriaTest
class PreferencesTests {

    static final String OFF = "{\"email_on_completion\": false}";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleReadsAndChangesItsOwnPreferencesOnly(Role role) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = data.tokenFor(role == Role.ADMIN ? tenant.admin() : tenant.user(role));
        String colleague = data.tokenFor(tenant.user(role));

        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"email_on_completion\": true}", true));
        mvc.perform(json(put("/api/v1/me/preferences"), token, OFF))
                .andExpect(status().isOk())
                .andExpect(content().json(OFF, true));
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.email_on_completion").value(false));
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + colleague))
                .andExpect(jsonPath("$.email_on_completion").value(true));
        mvc.perform(json(put("/api/v1/me/preferences"), token, "{\"email_on_completion\": true}"))
                .andExpect(jsonPath("$.email_on_completion").value(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email_on_completion\": \"yes\"}", "{\"email_on_completion\": null}", "{}",
            "{\"email_on_completion\": [true]}"})
    void aWrongValueIsRefusedAndChangesNothing(String body) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(json(put("/api/v1/me/preferences"), token, body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("email_on_completion"));
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.email_on_completion").value(true));
    }

    @Test
    void withoutATokenItIs401() throws Exception {
        mvc.perform(get("/api/v1/me/preferences")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/me/preferences").contentType("application/json").content(OFF))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aChangeIsAuditedAndSavingTheSameAgainIsNot() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        var handler = tenant.user(Role.PROJECT_HANDLER);
        String token = data.tokenFor(handler);
        mvc.perform(json(put("/api/v1/me/preferences"), token, OFF)).andExpect(status().isOk());
        mvc.perform(json(put("/api/v1/me/preferences"), token, OFF)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit-events?action=user.preferences_changed")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(handler.email()))
                .andExpect(jsonPath("$.items[0].resource_type").value("user"))
                .andExpect(jsonPath("$.items[0].resource_id").value(handler.id().toString()))
                .andExpect(jsonPath("$.items[0].details.email_on_completion.from").value(true))
                .andExpect(jsonPath("$.items[0].details.email_on_completion.to").value(false));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theProfilePageTurnsTheMailOffAndOnAgain(Role role) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        var user = role == Role.ADMIN ? tenant.admin() : tenant.user(role);
        RequestPostProcessor signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        String token = data.tokenFor(user);

        mvc.perform(get("/profile").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"emailOnCompletion\"")))
                .andExpect(content().string(Matchers.containsString("checked")))
                .andExpect(content().string(Matchers.containsString(user.email())));
        mvc.perform(post("/profile/preferences").with(signedIn)).andExpect(status().isForbidden());

        mvc.perform(post("/profile/preferences").with(signedIn).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.email_on_completion").value(false));
        assertThat(mvc.perform(get("/profile").with(signedIn)).andReturn().getResponse().getContentAsString())
                .doesNotContain("checked");

        mvc.perform(post("/profile/preferences").with(signedIn).with(csrf()).param("emailOnCompletion", "true"))
                .andExpect(status().isFound());
        mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.email_on_completion").value(true));
    }
}
