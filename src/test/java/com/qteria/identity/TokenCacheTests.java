package com.qteria.identity;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A checked bearer token is trusted for a few seconds without asking the database again, and every change that can
 * make a token unusable or change who the caller is bites at once. The database is changed behind the application's
 * back to tell the cache from the database: a call that still succeeds then was answered from the cache.
 */
@QteriaTest
class TokenCacheTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCheckedTokenIsTrustedWithoutAskingTheDatabaseAgain() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        me(token).andExpect(status().isOk());

        revokeBehindTheApplicationsBack(token);

        me(token).andExpect(status().isOk());
    }

    @Test
    void aRevokeThroughTheApplicationBitesAtOnce() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        me(token).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());

        me(token).andExpect(status().isUnauthorized());
    }

    @Test
    void deactivatingAUserEndsTheirCheckedTokensAtOnce() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = data.tokenFor(handler);
        me(token).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/users/" + handler.id()).header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isNoContent());

        me(token).andExpect(status().isUnauthorized());
    }

    @Test
    void aRoleChangeEndsTheCheckedTokensAndANewTokenCarriesTheNewRole() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = data.tokenFor(handler);
        me(token).andExpect(jsonPath("$.role").value("project_handler"));

        mvc.perform(json(patch("/api/v1/users/" + handler.id()), tenant.adminToken(), "{\"role\": \"process_manager\"}"))
                .andExpect(status().isOk());

        me(token).andExpect(status().isUnauthorized());
        me(data.tokenFor(new CurrentUser(handler.id(), handler.tenantId(), handler.email(), handler.name(),
                Role.PROCESS_MANAGER))).andExpect(jsonPath("$.role").value("process_manager"));
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    private void revokeBehindTheApplicationsBack(String token) throws NoSuchAlgorithmException {
        int changed = jdbc.sql("update access_tokens set revoked_at = current_timestamp where token_hash = :hash")
                .param("hash", sha256(token)).update();
        assertThat(changed).isEqualTo(1);
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
