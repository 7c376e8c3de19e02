package com.qteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/** What operators and integrators rely on: headers, request ids, OpenAPI, version, metrics, CORS and probes. */
@QteriaTest
@TestPropertySource(properties = {"qteria.operator-token=" + OperationsTests.OPERATOR_TOKEN,
        "qteria.allowed-origins=https://app.example.com, https://other.example.com"})
class OperationsTests {

    static final String OPERATOR_TOKEN = "operations-test-operator-token-0123456789";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        data.newTenant();
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(securityHeaders());
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() throws Exception {
        String token = data.newTenant().adminToken();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(securityHeaders());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()).andExpect(securityHeaders());
    }

    @Test
    void generatesARequestIdWhenNoneIsGiven() throws Exception {
        MvcResult first = mvc.perform(get("/api/version")).andExpect(status().isOk()).andReturn();
        MvcResult second = mvc.perform(get("/api/version")).andExpect(status().isOk()).andReturn();

        String id = first.getResponse().getHeader("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(second.getResponse().getHeader("X-Request-Id")).isNotEqualTo(id);
    }

    @Test
    void echoesAGivenRequestIdAlsoInProblemDetails() throws Exception {
        mvc.perform(get("/api/version").header("X-Request-Id", "client-4711.a:b_c"))
                .andExpect(header().string("X-Request-Id", "client-4711.a:b_c"));
        mvc.perform(get("/api/v1/me").header("X-Request-Id", "client-4712"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", "client-4712"))
                .andExpect(jsonPath("$.request_id").value("client-4712"));
    }

    @Test
    void replacesAnAbsurdRequestId() throws Exception {
        for (String absurd : new String[] {"x".repeat(500), "id with spaces", "<script>alert(1)</script>",
                "line\tbreak"}) {
            MvcResult result = mvc.perform(get("/api/version").header("X-Request-Id", absurd)).andReturn();
            String id = result.getResponse().getHeader("X-Request-Id");
            assertThat(id).isNotEqualTo(absurd);
            assertThat(UUID.fromString(id)).isNotNull();
        }
    }

    @Test
    void publishesTheOpenApiDocumentAndSwaggerUi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me'].get").exists());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void tellsWhichVersionIsRunning() throws Exception {
        mvc.perform(get("/api/version"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").isNotEmpty())
                .andExpect(jsonPath("$.commit").isNotEmpty())
                .andExpect(jsonPath("$.built_at").hasJsonPath())
                .andExpect(jsonPath("$.environment").value("development"));
    }

    @Test
    void metricsAreForTheOperatorOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + data.newTenant().adminToken()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong-" + OPERATOR_TOKEN))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + OPERATOR_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString().lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#")))
                        .as("every metric says which installation it comes from").isNotEmpty()
                        .allMatch(line -> line.contains("environment=\"development\"")));
    }

    @Test
    void theOperatorTokenReadsNoOrganizationsData() throws Exception {
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + OPERATOR_TOKEN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events").header("Authorization", "Bearer " + OPERATOR_TOKEN))
                .andExpect(status().isForbidden());
    }

    @Test
    void allowsCrossOriginCallsFromAllowedOriginsOnly() throws Exception {
        mvc.perform(options("/api/v1/me")
                        .header("Origin", "https://other.example.com")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "Authorization"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://other.example.com"))
                .andExpect(header().string("Access-Control-Allow-Methods", containsString("GET")));

        mvc.perform(options("/api/v1/me")
                        .header("Origin", "https://evil.example.com")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/api/version").header("Origin", "https://evil.example.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersProbesAndHealth() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/health").header("Authorization", "Bearer " + OPERATOR_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.storage.status").value("UP"));
    }

    /** API.md: which component failed is shown only with the operator token, on /health and under /actuator/health. */
    @Test
    void healthNamesItsComponentsToTheOperatorOnly() throws Exception {
        for (String path : List.of("/health", "/actuator/health", "/actuator/health/readiness")) {
            mvc.perform(get(path)).andExpect(status().isOk()).andExpect(jsonPath("$.components").doesNotExist());
        }
        mvc.perform(get("/health").header("Authorization", "Bearer " + data.newTenant().adminToken()))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + OPERATOR_TOKEN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    private static ResultMatcher securityHeaders() {
        ResultMatcher[] matchers = {
                header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")),
                header().string("Content-Security-Policy", containsString("default-src 'self'")),
                header().string("X-Content-Type-Options", "nosniff"),
                header().string("Referrer-Policy", "strict-origin-when-cross-origin"),
                header().string("X-Frame-Options", "DENY"),
                header().exists("X-Request-Id")};
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
