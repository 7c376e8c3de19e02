package com.qteria.identity;

import static com.qteria.support.ApiRequests.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QteriaTest
class AuthApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @Test
    void issuesAnOpaqueTokenThatResolvesToTheUser() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = signIn(tenant.admin().email(), TestData.PASSWORD, "10.0.0.1");
        assertThat(token).startsWith("qt_");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(tenant.admin().email()))
                .andExpect(jsonPath("$.role").value("admin"))
                .andExpect(jsonPath("$.organization.id").value(tenant.uuid().toString()));
    }

    @Test
    void unknownEmailAndWrongPasswordAnswerAlike() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        MvcResult wrong = mvc.perform(tokenRequest(tenant.admin().email(), "wrong password 123", "10.0.1.1"))
                .andExpect(status().isUnauthorized()).andReturn();
        MvcResult unknown = mvc.perform(tokenRequest("nobody-" + TestData.unique() + "@example.com", "wrong password 123",
                        "10.0.1.2"))
                .andExpect(status().isUnauthorized()).andReturn();
        String detail = JsonPath.read(wrong.getResponse().getContentAsString(), "$.detail");
        assertThat((String) JsonPath.read(unknown.getResponse().getContentAsString(), "$.detail")).isEqualTo(detail);
        assertThat((String) JsonPath.read(unknown.getResponse().getContentAsString(), "$.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void thirtyWrongPasswordsAreThrottledAndTheRightOneWorksOnceTheWindowHasPassed() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String email = tenant.admin().email();
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            MvcResult result = mvc.perform(tokenRequest(email, "wrong password " + i, "10.0.2.1")).andReturn();
            int status = result.getResponse().getStatus();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                throttled++;
                assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After"))).isBetween(1L, 15 * 60L + 1);
                assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
            }
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(throttled).isEqualTo(25);

        // While throttled, even the right password is refused.
        mvc.perform(tokenRequest(email, TestData.PASSWORD, "10.0.2.1")).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));

        clock.advance(Duration.ofMinutes(16));
        signIn(email, TestData.PASSWORD, "10.0.2.99");
    }

    @Test
    void aHundredConcurrentWrongPasswordsEvaluateExactlyTheLimit() throws Exception {
        String email = data.newTenant().user(Role.PROJECT_HANDLER).email();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 100; i++) {
                String password = "wrong password " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(tokenRequest(email, password, "10.0.7.1")).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counted = new HashMap<>();
            for (Future<Integer> status : statuses) {
                counted.merge(status.get(), 1, Integer::sum);
            }
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(401, 5, 429, 95));
        }
    }

    @Test
    void throttledAttemptsAreRecordedOncePerBlockAndCountedOnTheNextEntry() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String email = tenant.user(Role.PROJECT_HANDLER).email();
        for (int i = 0; i < 25; i++) {
            mvc.perform(tokenRequest(email, "wrong password " + i, "10.0.8.1"))
                    .andExpect(status().is(i < 5 ? 401 : 429));
        }
        String failures = audit(tenant, "auth.sign_in_failed", email);
        assertThat(JsonPath.<List<String>>read(failures, "$.items[*].details.reason"))
                .containsExactly("rate_limited", "wrong_password", "wrong_password", "wrong_password",
                        "wrong_password", "wrong_password");
        Instant blockedUntil = Instant.parse(JsonPath.read(failures, "$.items[0].details.blocked_until"));
        assertThat(blockedUntil).isBetween(clock.instant().plus(Duration.ofMinutes(14)),
                clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(JsonPath.<List<Object>>read(failures, "$.items[*].details.unrecorded_refusals")).isEmpty();

        clock.advance(Duration.ofMinutes(16));
        signIn(email, TestData.PASSWORD, "10.0.8.1");
        String signedIn = audit(tenant, "auth.signed_in", email);
        assertThat(JsonPath.<Integer>read(signedIn, "$.items[0].details.unrecorded_refusals")).isEqualTo(19);
    }

    private String audit(TestData.Tenant tenant, String action, String actor) throws Exception {
        return mvc.perform(get("/api/v1/audit-events?action=" + action + "&actor=" + actor)
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theAddressIsThrottledAcrossEmails() throws Exception {
        String ip = "10.0.3.1";
        for (int i = 0; i < 20; i++) {
            mvc.perform(tokenRequest("spray-" + i + "-" + TestData.unique() + "@example.com", "wrong password 123", ip))
                    .andExpect(status().isUnauthorized());
        }
        TestData.Tenant tenant = data.newTenant();
        mvc.perform(tokenRequest(tenant.admin().email(), TestData.PASSWORD, ip)).andExpect(status().isTooManyRequests());
        signIn(tenant.admin().email(), TestData.PASSWORD, "10.0.3.2");
    }

    @Test
    void revokedAndExpiredTokensNoLongerWork() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = signIn(tenant.admin().email(), TestData.PASSWORD, "10.0.4.1");
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        String second = signIn(tenant.admin().email(), TestData.PASSWORD, "10.0.4.1");
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
    }

    @Test
    void personalAccessTokensAreShownOnceListedAndRevocable() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String session = tenant.adminToken();
        MvcResult created = mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"CI\", \"expires_in_days\": 30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("CI"))
                .andExpect(jsonPath("$.expires_at").exists())
                .andReturn();
        String pat = JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + pat)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].token").doesNotExist());
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + session))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + pat)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + session))
                .andExpect(status().isNotFound());
    }

    @Test
    void personalTokenRequestsAreValidated() throws Exception {
        String session = data.newTenant().adminToken();
        mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"expires_in_days\": 0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'expires_in_days')]").exists());
    }

    private String signIn(String email, String password, String ip) throws Exception {
        MvcResult result = mvc.perform(tokenRequest(email, password, ip))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(28800))
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.access_token");
    }
}
