package com.qteria.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.security.Tokens;
import com.qteria.shared.ApiProblem;
import com.qteria.support.SignedIn;
import com.qteria.support.WebSlice;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workflows API as a slice, with the workflow module mocked: the JSON of API.md, the problem details of a
 * missing workflow, and the role checks of the API's filter chain and {@code @PreAuthorize} with the role hierarchy
 * (a project handler may read but not write; an admin writes as a process manager does).
 */
@WebSlice(WorkflowsApiController.class)
class WorkflowsApiSliceTests {

    private static final String BODY = """
            {"name": "Machinery", "buckets": [{"key": "test_reports", "name": "Test reports", "required": true}],
             "criteria": [{"key": "tr_standard", "name": "Cites EN 60204-1", "applies_to": ["test_reports"],
                           "severity": "required", "checks": [{"type": "contains", "all": ["EN 60204-1"]}]}]}
            """;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkflowManagement workflows;
    @MockitoBean
    WorkflowFormats formats;
    @Autowired
    Tokens tokens;

    private final WorkflowView machinery = WorkflowView.offline(new WorkflowInput("Machinery", "Technical file",
            List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
            List.of(new WorkflowInput.CriterionInput("tr_standard", "Cites EN 60204-1", "Names the standard.",
                    List.of("test_reports"), "required", 0, List.of(new Check.Contains(List.of("EN 60204-1"), null))))));

    @BeforeEach
    void tokensOfEveryRole() {
        for (Role role : Role.values()) {
            CurrentUser user = SignedIn.user(role, role.key());
            given(tokens.resolve("qt_" + role.key())).willReturn(Optional.of(new Tokens.Resolved(user, UUID.randomUUID())));
        }
    }

    @Test
    void aWorkflowHasTheFieldsOfTheContract() throws Exception {
        given(workflows.get(any(), any())).willReturn(machinery);
        String body = mvc.perform(bearer(get("/api/v1/workflows/" + machinery.id()), Role.PROJECT_HANDLER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(machinery.id().toString()))
                .andExpect(jsonPath("$.created_at").value(machinery.createdAt().toString()))
                .andExpect(jsonPath("$.criteria[0].applies_to[0]").value("test_reports"))
                .andExpect(jsonPath("$.criteria[0].checks[0].type").value("contains"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fields(body, "$")).containsExactlyInAnyOrder("id", "version", "name", "description", "archived",
                "created_at", "updated_at", "buckets", "criteria");
        assertThat(fields(body, "$.buckets[0]")).containsExactlyInAnyOrder("id", "key", "name", "required", "order");
        assertThat(fields(body, "$.criteria[0]")).containsExactlyInAnyOrder("id", "key", "name", "description",
                "applies_to", "severity", "order", "checks");
    }

    @Test
    void aMissingWorkflowIsAProblemNotFound() throws Exception {
        given(workflows.get(any(), any())).willThrow(ApiProblem.notFound("Workflow"));
        String path = "/api/v1/workflows/" + UUID.randomUUID();
        String body = mvc.perform(bearer(get(path), Role.ADMIN).header("X-Request-Id", "slice-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://qteria.com/problems/not-found"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Workflow not found."))
                .andExpect(jsonPath("$.instance").value(path))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.request_id").value("slice-404"))
                .andExpect(jsonPath("$.errors").isEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(fields(body, "$")).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code",
                "request_id", "errors");
        mvc.perform(bearer(get("/api/v1/workflows/not-an-id"), Role.ADMIN))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void aProjectHandlerMayNotCreateAWorkflow() throws Exception {
        mvc.perform(bearer(post("/api/v1/workflows"), Role.PROJECT_HANDLER)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"))
                .andExpect(jsonPath("$.status").value(403));
        verify(workflows, never()).create(any(), any());
    }

    @Test
    void processManagersAndAdminsCreateWorkflows() throws Exception {
        given(workflows.create(any(), any())).willReturn(machinery);
        for (Role role : List.of(Role.PROCESS_MANAGER, Role.ADMIN)) {
            mvc.perform(bearer(post("/api/v1/workflows"), role).contentType(MediaType.APPLICATION_JSON).content(BODY))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.version").value(1));
        }
    }

    @Test
    void withoutAValidTokenTheAnswerIsUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/workflows")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/workflows").header("Authorization", "Bearer qt_revoked"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(workflows, never()).list(any(), any(), anyBoolean(), any());
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, Role role) {
        return request.header("Authorization", "Bearer qt_" + role.key());
    }

    private static List<String> fields(String json, String path) {
        Map<String, Object> object = JsonPath.read(json, path);
        return List.copyOf(object.keySet());
    }
}
