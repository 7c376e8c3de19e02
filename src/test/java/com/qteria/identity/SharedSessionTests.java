package com.qteria.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.QteriaApplication;
import com.qteria.support.TestData;
import com.qteria.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Browser sessions live in the database: a user signed in on one web instance is served by another, and signing
 * out on the second ends the session everywhere. Two real application instances share one database.
 */
class SharedSessionTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void twoInstancesOnOneDatabase() throws IOException {
        TestDatabase.Database database = TestDatabase.usePostgres()
                ? TestDatabase.newPostgresDatabase() : TestDatabase.newH2Database();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", "");
        properties.put("server.port", "0");
        properties.put("qteria.data-dir", Files.createTempDirectory("qteria-sessions").toString());
        properties.put("qteria.bootstrap.organization", "Shared Session GmbH");
        properties.put("qteria.bootstrap.admin-email", "sessions@example.com");
        properties.put("qteria.bootstrap.admin-password", TestData.PASSWORD);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        first = new SpringApplicationBuilder(QteriaApplication.class).run(args);
        second = new SpringApplicationBuilder(QteriaApplication.class).run(args);
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOther() throws Exception {
        HttpResponse<String> loginPage = get(first, "/login", null);
        String cookie = session(loginPage, null);
        String csrf = match(CSRF, loginPage.body());

        HttpResponse<String> signedIn = send(first, HttpRequest.newBuilder(uri(first, "/login"))
                .header("Cookie", "SESSION=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("email", "sessions@example.com", "password", TestData.PASSWORD, "_csrf", csrf))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        cookie = session(signedIn, cookie);

        HttpResponse<String> dashboard = get(second, "/", cookie);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Shared Session GmbH");

        String logoutCsrf = match(CSRF, dashboard.body());
        HttpResponse<String> signedOut = send(second, HttpRequest.newBuilder(uri(second, "/logout"))
                .header("Cookie", "SESSION=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("_csrf", logoutCsrf))));
        assertThat(signedOut.statusCode()).isEqualTo(302);

        HttpResponse<String> afterSignOut = get(first, "/", cookie);
        assertThat(afterSignOut.statusCode()).isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path)).GET();
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        return send(instance, request);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext instance, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> response, String current) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1))
                .reduce((a, b) -> b).orElse(current);
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("pattern %s in page", pattern).isTrue();
        return matcher.group(1);
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
