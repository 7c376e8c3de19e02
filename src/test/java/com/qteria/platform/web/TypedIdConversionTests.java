package com.qteria.platform.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A typed id in a path or parameter that is not a UUID names no resource: 404, naming the resource it would be. */
@QteriaTest
class TypedIdConversionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void anIdThatIsNoUuidIsNotFoundNamingItsResource() throws Exception {
        String token = data.newTenant().adminToken();
        Map<String, String> answers = Map.of(
                "/api/v1/assessments/not-an-id", "Assessment not found.",
                "/api/v1/assessments/not-an-id/results", "Assessment not found.",
                "/api/v1/documents/not-an-id/text", "Document not found.",
                "/api/v1/workflows/12345/versions", "Workflow not found.",
                "/api/v1/assessments?workflow_id=not-an-id", "Workflow not found.");
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            mvc.perform(get(answer.getKey()).header("Authorization", "Bearer " + token))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.detail").value(answer.getValue()));
        }
    }

    @Test
    void onPagesAnIdThatIsNoUuidIsTheNotFoundPage() throws Exception {
        CurrentUser user = data.newTenant().user(Role.PROJECT_HANDLER);
        RequestPostProcessor signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        for (String page : List.of("/assessments/not-an-id", "/documents/not-an-id", "/documents/new?workflow=nope",
                "/assessments/new?workflow=nope")) {
            mvc.perform(get(page).with(signedIn)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/assessments/new?workflow=").with(signedIn)).andExpect(status().isOk());
    }

    @Test
    void anEmptyIdParameterIsNoFilter() throws Exception {
        mvc.perform(get("/api/v1/assessments?workflow_id=").header("Authorization", "Bearer "
                        + data.newTenant().adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.total_items").value(0));
    }
}
