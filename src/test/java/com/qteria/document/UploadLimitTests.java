package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The upload limit over real HTTP (the servlet container enforces it, which MockMvc would not show). */
@QteriaTest
class UploadLimitTests {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored(@TempDir Path temp) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        Path big = temp.resolve("big.pdf");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(SamplePdfs.pdf("Big"));
            byte[] filler = new byte[1 << 20];
            for (int i = 0; i < 51; i++) {
                out.write(filler);
            }
        }
        HttpResponse<String> answer = send(token, big, "big.pdf");
        assertThat(answer.statusCode()).as(answer.headers() + " " + answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("PAYLOAD_TOO_LARGE");

        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat((Integer) JsonPath.read(list.body(), "$.page.total_items")).isZero();
    }

    @Test
    void aFileJustUnderTheLimitIsAccepted(@TempDir Path temp) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        Path file = temp.resolve("fine.pdf");
        Files.write(file, SamplePdfs.pdf("Fine"));
        HttpResponse<String> answer = send(token, file, "fine.pdf");
        assertThat(answer.statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 500, 1000})
    void aLongNameWithUmlautsIsAcceptedAndKeptWhole(int length, @TempDir Path temp) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        Path file = temp.resolve("upload.pdf");
        Files.write(file, SamplePdfs.pdf("Long name"));
        String name = longName(length);

        HttpResponse<String> answer = send(token, file, name);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = JsonPath.read(answer.body(), "$.items[0].id");
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat((String) JsonPath.read(read.body(), "$.filename")).isEqualTo(name);
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents/" + id + "/content"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(Files.readAllBytes(file));
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 20_000})
    void aNameOverTheLimitIs422SayingWhy(int length, @TempDir Path temp) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        Path file = temp.resolve("upload.pdf");
        Files.write(file, SamplePdfs.pdf("Name too long"));

        HttpResponse<String> answer = send(token, file, longName(length));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("VALIDATION_FAILED");
        assertThat((String) JsonPath.read(answer.body(), "$.detail"))
                .contains("file name").contains("1,000 characters").doesNotContain("larger than");
    }

    /** A name of exactly {@code length} characters, many of them umlauts (two bytes each in UTF-8). */
    private static String longName(int length) {
        String stem = "Prüfbericht_Größenänderung_Übersicht_".repeat(length / 20 + 1);
        return stem.substring(0, length - ".pdf".length()) + ".pdf";
    }

    private HttpResponse<String> send(String token, Path file, String filename) throws IOException, InterruptedException {
        String boundary = "qteria-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
