package com.qteria.retention;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.identity.Role;
import com.qteria.retention.job.RetentionRun;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How fast the retention run deletes documents (rows, pages with word boxes, stored objects): one uploaded and read
 * document is cloned {@code qteria.bench.retention} times (rows, pages and encrypted object, all readable), the policy
 * makes them all due, and the dry run and the run are timed. Runs only when asked:
 * {@code ./mvnw -B -q test -Dtest=RetentionRunBenchmark -Dqteria.bench.retention=2000 [-Dqteria.test.database=postgres]}
 * (alone: it moves the shared clock a month on).
 */
@QteriaTest
class RetentionRunBenchmark {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    EncryptedStorage storage;
    @Autowired
    RetentionRun run;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void deletesDueDocuments() throws Exception {
        int documents = Integer.getInteger("qteria.bench.retention", 0);
        assumeTrue(documents > 0, "set -Dqteria.bench.retention=<documents> to run the benchmark");
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        String[] pages = new String[10];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = "Page " + (i + 1) + " of the test report according to IEC 62368-1:2018, clause " + i;
        }
        String source = uploaded.upload(token, "report.pdf", SamplePdfs.pdf(pages));
        assertThat(uploaded.awaitRead(token, source)).isEqualTo("ready");
        Path object = uploaded.storedFiles().stream()
                .filter(file -> file.getFileName().toString().equals(uploaded.storageKey(source))).findFirst()
                .orElseThrow();
        for (int i = 0; i < documents; i++) {
            clone(UUID.fromString(source), object);
        }
        mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(), "{\"document_days\": 30}"))
                .andExpect(status().isOk());
        clock.advance(Duration.ofDays(31));

        long previewStarted = System.nanoTime();
        String preview = mvc.perform(get("/api/v1/retention-settings/preview")
                .header("Authorization", "Bearer " + tenant.adminToken())).andReturn().getResponse().getContentAsString();
        double previewSeconds = (System.nanoTime() - previewStarted) / 1e9;
        long started = System.nanoTime();
        RetentionRun.Applied applied = run.apply(tenant.id(), clock.instant());
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(applied.documents()).isEqualTo(documents + 1L);
        assertThat(((Number) JsonPath.read(preview, "$.documents")).longValue()).isEqualTo(applied.documents());
        assertThat(jdbc.sql("select count(*) from documents where organization_id = :t").param("t", tenant.id().value())
                .query(Long.class).single()).isZero();
        System.out.printf("RETENTION BENCH: %d documents (%d pages each, %.1f MB) deleted in %.2f s = %.0f documents/s;"
                        + " dry run %.3f s%n", applied.documents(), pages.length, applied.documentBytes() / 1048576.0,
                seconds, applied.documents() / seconds, previewSeconds);
    }

    /** A copy of the document: its own id and stored object (the same ciphertext, so the same wrapped key opens it). */
    private void clone(UUID source, Path object) throws Exception {
        UUID id = UUID.randomUUID();
        String key = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 64);
        storage.store().put(key, object);
        jdbc.sql("""
                insert into documents (id, organization_id, filename, media_type, size_bytes, sha256, pages, status,
                    error, warnings, storage_key, key_id, wrapped_key, uploaded_by, uploaded_at, extracted_at)
                select :id, organization_id, filename, media_type, size_bytes, sha256, pages, status, error, warnings,
                    :key, key_id, wrapped_key, uploaded_by, uploaded_at, extracted_at
                from documents where id = :source""").param("id", id).param("key", key).param("source", source)
                .update();
        jdbc.sql("""
                insert into document_pages (document_id, number, text, ocr, needs_ocr, words)
                select :id, number, text, ocr, needs_ocr, words from document_pages where document_id = :source""")
                .param("id", id).param("source", source).update();
    }
}
