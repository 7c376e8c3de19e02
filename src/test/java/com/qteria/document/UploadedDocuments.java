package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.EncryptedStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Uploads documents through the API, waits for them to be read, and looks at what landed in storage. */
public class UploadedDocuments {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    private final ApplicationContext context;
    private final Path storageRoot;

    public UploadedDocuments(ApplicationContext context, @Value("${qteria.data-dir}") Path dataDir) {
        this.context = context;
        this.storageRoot = dataDir.resolve("documents");
    }

    /** Uploads one file and returns its id. */
    public String upload(String token, String filename, byte[] bytes) throws Exception {
        String answer = mvc().perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.items[0].id");
    }

    /** Waits until the document is no longer {@code processing} and returns its final status. */
    public String awaitRead(String token, String id) throws Exception {
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String answer = mvc().perform(get("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(answer, "$.status");
            if (!"processing".equals(status)) {
                return status;
            }
            Thread.sleep(250);
        }
        return fail("Document " + id + " was still being read after " + READ_TIMEOUT.toSeconds() + " s");
    }

    public String storageKey(String id) {
        return context.getBean(Documents.class).findForProcessing(new DocumentId(UUID.fromString(id))).orElseThrow()
                .stored().key();
    }

    public boolean storedObjectExists(String key) throws IOException {
        return context.getBean(EncryptedStorage.class).store().exists(key);
    }

    public Path storageRoot() {
        return storageRoot;
    }

    public List<Path> storedFiles() throws IOException {
        if (!Files.exists(storageRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(storageRoot)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Reads every raw file under the storage root: none may contain a 32-byte window of the plaintext or the marker. */
    public void assertNoStoredFileContains(byte[] plaintext, byte[] marker) throws IOException {
        for (Path file : storedFiles()) {
            byte[] raw = Files.readAllBytes(file); // test files are small
            assertThat(indexOf(raw, marker)).as("marker in %s", file).isNegative();
            for (int start = 0; start + 32 <= plaintext.length; start += 16) {
                byte[] window = java.util.Arrays.copyOfRange(plaintext, start, start + 32);
                if (indexOf(raw, window) >= 0) {
                    throw new AssertionError("Plaintext bytes " + start + "–" + (start + 32) + " appear in " + file);
                }
            }
        }
    }

    private MockMvc mvc() {
        return context.getBean(MockMvc.class);
    }

    /** Byte search through ISO-8859-1, which maps every byte to one character. */
    static int indexOf(byte[] data, byte[] pattern) {
        return new String(data, StandardCharsets.ISO_8859_1).indexOf(new String(pattern, StandardCharsets.ISO_8859_1));
    }
}
