package com.qteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * JSON logs (the default format) tie every line written while serving a request to that request and its caller,
 * say on every line which installation wrote it ({@code ENVIRONMENT}), and never carry passwords or tokens — not even with Spring MVC's DEBUG logging of request and response bodies.
 * The application is started here rather than shared, because the log format is fixed when logging starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

    private static final String PASSWORD = "structured logging password";
    private static final String WRONG_PASSWORD = "a wrong password for the log test";
    private static final List<String> DEBUG_LOGGERS = List.of("org.springframework.web", "org.springframework.security");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @TempDir
    Path dataDir;

    @BeforeEach
    void startLoggingAfresh() {
        // Logging is set up once per JVM; another test's application context may have done it already.
        logging.cleanUp();
    }

    @AfterEach
    void quietenTheDebugLoggers() {
        DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void requestLinesCarryTheRequestAndTheCallerButNoSecrets(CapturedOutput output) {
        String token;
        String userId;
        String orgId;
        try (LocalServer server = LocalServer.start(Map.of(
                "qteria.data-dir", dataDir.toString(),
                "spring.datasource.url", TestDatabase.newH2Database().url(),
                "logging.structured.format.console", "logstash",
                "qteria.environment", "staging",
                "logging.level.org.springframework.web", "DEBUG",
                "logging.level.org.springframework.security", "DEBUG",
                "qteria.bootstrap.organization", "Logging Org",
                "qteria.bootstrap.admin-email", "logging-admin@example.com",
                "qteria.bootstrap.admin-password", PASSWORD))) {
            assertThat(server.postJson("/api/v1/auth/token",
                    "{\"email\": \"logging-admin@example.com\", \"password\": \"" + WRONG_PASSWORD + "\"}",
                    "X-Request-Id", "log-test-wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> signIn = server.postJson("/api/v1/auth/token",
                    "{\"email\": \"logging-admin@example.com\", \"password\": \"" + PASSWORD + "\"}",
                    "X-Request-Id", "log-test-sign-in");
            assertThat(signIn.statusCode()).isEqualTo(200);
            token = JsonPath.read(signIn.body(), "$.access_token");

            HttpResponse<String> me = server.get("/api/v1/me", "Authorization", "Bearer " + token,
                    "X-Request-Id", "log-test-me");
            assertThat(me.statusCode()).isEqualTo(200);
            userId = JsonPath.read(me.body(), "$.id");
            orgId = JsonPath.read(me.body(), "$.organization.id");
        }

        List<Map<String, Object>> lines = output.getOut().lines()
                .filter(line -> line.startsWith("{\"@timestamp\""))
                .map(line -> JsonParserFactory.getJsonParser().parseMap(line))
                .toList();
        assertThat(lines).as("JSON log lines").isNotEmpty()
                .as("every line says which installation wrote it")
                .allSatisfy(line -> assertThat(line).containsEntry("environment", "staging"));

        assertThat(linesOf(lines, "log-test-sign-in")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContainKeys("user_id", "org_id"));
        List<Map<String, Object>> authenticated = linesOf(lines, "log-test-me");
        assertThat(authenticated).isNotEmpty()
                .anySatisfy(line -> assertThat(line).containsEntry("user_id", userId).containsEntry("org_id", orgId));
        assertThat(lines).filteredOn(line -> String.valueOf(line.get("message")).startsWith("Bootstrap created"))
                .singleElement()
                .satisfies(line -> assertThat(line).doesNotContainKeys("request_id", "user_id", "org_id"));

        assertThat(output.getAll()).doesNotContain(token, token.substring(3), PASSWORD, WRONG_PASSWORD);
    }

    private static List<Map<String, Object>> linesOf(List<Map<String, Object>> lines, String requestId) {
        return lines.stream().filter(line -> requestId.equals(line.get("request_id"))).toList();
    }
}
