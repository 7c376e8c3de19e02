package com.qteria.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.identity.Role;
import com.qteria.support.FakeSentry;
import com.qteria.support.TestData;
import com.qteria.support.TestDatabase;
import com.qteria.support.TestSupportConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Acceptance of error reporting: with {@code SENTRY_DSN} set, an unexpected error reaches Sentry (here a local fake of
 * its endpoint) with environment, release and request id — and what the customer entrusted to us does not: the
 * document's text, the password in the body, the bearer token, the session cookie, the share token in the path,
 * the master key, the AI key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "qteria.environment=staging")
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestSupportConfiguration.class, ErrorReportingTests.FailingEndpoint.class})
class ErrorReportingTests {

    static final FakeSentry SENTRY = new FakeSentry();
    static final String MASTER_KEY = Base64.getEncoder().encodeToString(random(32));
    static final String AI_KEY = "sk-ant-api03-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(40));
    static final String DOCUMENT_TEXT = "Prüfbericht Nr. 4711-geheim: Isolationswiderstand 512 MOhm bei 500 V";
    static final String PASSWORD = "Sommer-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(9));
    static final String SHARE_TOKEN = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));

    @DynamicPropertySource
    static void sentry(DynamicPropertyRegistry registry) {
        registry.add("sentry.dsn", SENTRY::dsn);
        registry.add("qteria.storage.master-keys", () -> "k1:" + MASTER_KEY);
        registry.add("qteria.ai.anthropic.api-key", () -> AI_KEY);
    }

    @AfterAll
    static void stop() {
        SENTRY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Test
    void anUnexpectedErrorIsReportedWithEnvironmentReleaseAndRequestIdAndNothingEntrustedToUs() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/test-failures/" + SHARE_TOKEN + "?token=" + SHARE_TOKEN))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", "SESSION=" + SHARE_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"password\": \"" + PASSWORD + "\", \"text\": \"" + DOCUMENT_TEXT + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        String envelope = SENTRY.await(e -> e.contains("test-failures"), Duration.ofSeconds(20));

        assertThat(envelope).contains("\"environment\":\"staging\"").contains("\"release\":\"qteria@")
                .contains("\"request_id\":\"" + requestId + "\"")
                .contains("IllegalStateException").contains("Unexpected error on {} {}")
                .contains("ErrorReportingTests");
        for (String secret : List.of(DOCUMENT_TEXT, "4711-geheim", "Isolationswiderstand", PASSWORD, token,
                SHARE_TOKEN, MASTER_KEY, AI_KEY)) {
            assertThat(envelope).as("the report must not hold %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void anErrorLoggedByABackgroundJobIsReportedWithoutItsArguments() throws Exception {
        Logger log = LoggerFactory.getLogger("com.qteria.document.job.DocumentReader");
        log.error("Reading document {} failed on the text {}", "doc-marker-1", DOCUMENT_TEXT,
                new IllegalArgumentException("Text '" + DOCUMENT_TEXT + "' could not be parsed, owner "
                        + "jane.doe@example.com, url postgresql://qteria:" + PASSWORD + "@db/qteria"));

        String envelope = SENTRY.await(e -> e.contains("Reading document {} failed on the text {}"),
                Duration.ofSeconds(20));

        assertThat(envelope).contains("\"environment\":\"staging\"").contains("IllegalArgumentException")
                .contains("could not be parsed");
        for (String secret : List.of(DOCUMENT_TEXT, "4711-geheim", "doc-marker-1", "jane.doe@example.com", PASSWORD)) {
            assertThat(envelope).as("the report must not hold %s", secret).doesNotContain(secret);
        }
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** An endpoint that fails the way a bug would, holding a document's text in its exception. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FailingEndpoint {

        @PostMapping("/api/v1/test-failures/{secret}")
        String fail(@RequestBody String body) {
            throw new IllegalStateException("Could not read the date in \"" + DOCUMENT_TEXT + "\" (" + body.length()
                    + " characters)");
        }
    }
}
