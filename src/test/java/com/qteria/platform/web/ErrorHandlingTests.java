package com.qteria.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error path answers problem details per API.md — through the real server, so that errors raised outside
 * controllers (unknown routes, 405) take the servlet container's path as in production.
 */
@QteriaTest
@Import(ErrorHandlingTests.FailingEndpoint.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTests {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    final HttpClient http = HttpClient.newHttpClient();
    String token;

    @BeforeEach
    void signedIn() {
        token = data.newTenant().adminToken();
    }

    @Test
    void unknownApiRoutesAreProblemDetails() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET()
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "trace-me-123"));
        assertProblem(response, 404, "NOT_FOUND");
        assertThat((String) JsonPath.read(response.body(), "$.request_id")).isEqualTo("trace-me-123");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-123");
        assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo("/api/v1/nothing-here");

        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET()), 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongMethodIs405() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token));
        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIs400AndInvalidFieldsAre422() throws Exception {
        assertProblem(send(post("/api/v1/users", "{\"email\": ")), 400, "MALFORMED_REQUEST");
        assertProblem(send(post("/api/v1/users", "")), 400, "MALFORMED_REQUEST");
        HttpResponse<String> invalid = send(post("/api/v1/users", "{\"email\": \"x\", \"name\": \"X\", \"role\": \"admin\"}"));
        assertProblem(invalid, 422, "VALIDATION_FAILED");
        List<String> fields = JsonPath.read(invalid.body(), "$.errors[*].field");
        assertThat(fields).containsExactly("email");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/users"))
                .POST(HttpRequest.BodyPublishers.ofString("email=x"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token));
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternalsAndLoggedWithTheRequestId(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-failure")).GET()
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "boom-4711"));
        assertProblem(response, 500, "INTERNAL");
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("at com.")
                .doesNotContain("database password");
        assertThat(output.getOut() + output.getErr()).contains("boom-4711").contains("database password");
    }

    @Test
    void pagesGetAnHtmlErrorPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login/nothing-here")).GET()
                .header("Accept", "text/html"));
        assertThat(response.statusCode()).isIn(302, 404);
        HttpResponse<String> css = send(HttpRequest.newBuilder(uri("/css/nothing.css")).GET().header("Accept", "text/html"));
        assertThat(css.statusCode()).isEqualTo(404);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(css.body()).contains("<h1>Page not found</h1>").doesNotContain("Whitelabel");
    }

    @Test
    void jsonBodiesOverTheLimitAre413BeforeTheyAreParsedWhole() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        HttpResponse<String> declared = send(post("/api/v1/workflows", big));
        assertProblem(declared, 413, "PAYLOAD_TOO_LARGE");
        assertThat((String) JsonPath.read(declared.body(), "$.detail")).contains("2048 KB");

        // Without a Content-Length (chunked), reading stops at the limit all the same.
        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/v1/workflows"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token));
        assertProblem(chunked, 413, "PAYLOAD_TOO_LARGE");

        // Under the limit the body is read as before: here an invalid workflow, 422.
        assertProblem(send(post("/api/v1/workflows", "{\"name\": \"" + "x".repeat(300) + "\"}")), 422,
                "VALIDATION_FAILED");
    }

    @Test
    void anUploadWithTooManyPartsSaysSoRatherThanTooLarge() throws Exception {
        String boundary = "qteria-boundary";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f")
                    .append(i).append(".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/documents"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token));
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("at most 50 files")
                .doesNotContain("larger than");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo(code);
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isNotBlank();
        assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isNotBlank();
        assertThat((String) JsonPath.read(response.body(), "$.request_id"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat((List<?>) JsonPath.read(response.body(), "$.errors")).isNotNull();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @TestConfiguration
    @RestController
    static class FailingEndpoint {

        @GetMapping("/api/v1/test-failure")
        @PreAuthorize("isAuthenticated()")
        String fail() {
            throw new IllegalStateException("database password rejected");
        }
    }
}
