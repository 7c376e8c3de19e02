package com.qteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as {@code java -jar qteria.jar} runs it with no configuration: the H2 file database in the data
 * directory, the setup page on the first visit, the bootstrap variables, and health telling when storage fails.
 */
class EmbeddedDefaultTests {

    @TempDir
    Path temp;

    @BeforeEach
    void noDatabaseConfiguredInTheEnvironment() {
        assumeTrue(System.getenv("DATABASE_URL") == null && System.getenv("SPRING_DATASOURCE_URL") == null,
                "a database is configured in the environment, so the embedded default is not in use");
    }

    @Test
    void runsOnTheEmbeddedDatabaseAndLeadsThroughSetup() throws Exception {
        Path dataDir = temp.resolve("data");
        // Defaults only, even if the shell running the tests has bootstrap variables set.
        Map<String, String> defaults = Map.of("qteria.data-dir", dataDir.toString(),
                "qteria.bootstrap.organization", "", "qteria.bootstrap.admin-email", "",
                "qteria.bootstrap.admin-password", "");
        try (LocalServer server = LocalServer.start(defaults)) {
            HttpResponse<String> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
            assertThat(health.body()).doesNotContain("components");
            assertThat(server.context().getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:h2:file:");
            assertThat(dataDir.resolve("db/qteria.mv.db")).exists();

            HttpResponse<String> home = server.get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/setup"));

            HttpResponse<String> version = server.get("/api/version");
            assertThat(version.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(version.body(), "$.version")).isNotBlank();
        }

        // A second start on the same data directory finds its database (and its migrations) again.
        try (LocalServer again = LocalServer.start(defaults)) {
            assertThat(again.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bootstrapVariablesCreateTheFirstOrganizationAndAdmin() {
        Map<String, String> settings = Map.of(
                "qteria.data-dir", temp.resolve("bootstrapped").toString(),
                "qteria.bootstrap.organization", "Acme Certification",
                "qteria.bootstrap.admin-email", "admin@acme.example",
                "qteria.bootstrap.admin-password", "a long enough password");
        try (LocalServer server = LocalServer.start(settings)) {
            HttpResponse<String> token = server.postJson("/api/v1/auth/token",
                    "{\"email\": \"admin@acme.example\", \"password\": \"a long enough password\"}");
            assertThat(token.statusCode()).isEqualTo(200);
            String accessToken = JsonPath.read(token.body(), "$.access_token");
            assertThat(accessToken).startsWith("qt_");

            HttpResponse<String> me = server.get("/api/v1/me", "Authorization", "Bearer " + accessToken);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(me.body(), "$.role")).isEqualTo("admin");
            assertThat((String) JsonPath.read(me.body(), "$.organization.name")).isEqualTo("Acme Certification");

            HttpResponse<String> home = server.get("/");
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void healthIsDownNamingStorageToTheOperatorWhenTheDataDirectoryIsNotWritable() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("not-a-directory"), "a regular file");
        Map<String, String> settings = Map.of(
                "qteria.data-dir", notADirectory.toString(),
                "spring.datasource.url", TestDatabase.newH2Database().url(),
                "qteria.operator-token", "embedded-default-operator-token-0123456789");
        try (LocalServer server = LocalServer.start(settings)) {
            HttpResponse<String> anyone = server.get("/health");
            assertThat(anyone.statusCode()).isEqualTo(503);
            assertThat(anyone.body()).doesNotContain("components");

            HttpResponse<String> health = server.get("/health",
                    "Authorization", "Bearer embedded-default-operator-token-0123456789");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("DOWN");
            assertThat((String) JsonPath.read(health.body(), "$.components.storage.status")).isEqualTo("DOWN");
            assertThat((String) JsonPath.read(health.body(), "$.components.db.status")).isEqualTo("UP");
        }
    }

    /** Tomcat's own HTML error page and a 500 for {@code /error} were what some paths answered before. */
    @Test
    void oddPathsAnswerInTheProductsOwnWords() throws Exception {
        Map<String, String> settings = Map.of("qteria.data-dir", temp.resolve("odd").toString(),
                "spring.datasource.url", TestDatabase.newH2Database().url());
        try (LocalServer server = LocalServer.start(settings)) {
            for (String path : List.of("/api/v1/documents/..%2f..%2fetc", "/api/v1/documents/%2e%2e%2fsecret")) {
                HttpResponse<String> encoded = server.get(path);
                assertThat(encoded.statusCode()).as(path).isIn(400, 404);
                assertThat(encoded.headers().firstValue("Content-Type")).as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            HttpResponse<String> error = server.get("/error");
            assertThat(error.statusCode()).isEqualTo(404);
            HttpResponse<String> apiError = server.get("/error", "Accept", "application/json");
            assertThat(apiError.statusCode()).isEqualTo(404);
        }
    }
}
