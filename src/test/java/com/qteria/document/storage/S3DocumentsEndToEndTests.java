package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.audit.anchor.Checkpoints;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The whole application on S3 storage: upload, reading, text, download and delete, against a real S3 server. */
@QteriaTest
class S3DocumentsEndToEndTests {

    static final String BUCKET = "qteria-e2e-" + UUID.randomUUID();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3TestServer server = S3TestServer.shared();
        try (S3Client client = server.newClient()) {
            client.createBucket(request -> request.bucket(BUCKET));
        }
        registry.add("qteria.storage.type", () -> "s3");
        registry.add("qteria.storage.s3.endpoint", () -> server.endpoint().toString());
        registry.add("qteria.storage.s3.region", () -> S3TestServer.REGION);
        registry.add("qteria.storage.s3.bucket", () -> BUCKET);
        registry.add("qteria.storage.s3.path-style", () -> "true");
        registry.add("qteria.storage.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("qteria.storage.s3.secret-key", () -> S3TestServer.SECRET_KEY);
        registry.add("qteria.storage.master-keys", () -> "e2e:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("qteria.audit.key", () -> "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    Checkpoints checkpoints;

    @Test
    void documentsLiveEncryptedInTheBucketAndAreReadFromThere() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String secret = "S3-CONFIDENTIAL-" + UUID.randomUUID();
        byte[] pdf = SamplePdfs.pdf(secret);
        String id = uploaded.upload(token, "s3.pdf", pdf);
        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
        mvc.perform(get("/api/v1/documents/" + id + "/text").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.pages[0].text").value(secret));
        byte[] content = mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(content).isEqualTo(pdf);

        String key = uploaded.storageKey(id);
        try (S3Client client = S3TestServer.shared().newClient()) {
            assertThat(client.listObjectsV2(r -> r.bucket(BUCKET)).contents()).extracting(S3Object::key).contains(key);
            ResponseBytes<GetObjectResponse> raw = client.getObjectAsBytes(r -> r.bucket(BUCKET).key(key));
            String rawText = new String(raw.asByteArray(), StandardCharsets.ISO_8859_1);
            assertThat(rawText).doesNotContain(secret).doesNotContain("%PDF");

            mvc.perform(delete("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                    .andExpect(status().isNoContent());
            assertThat(client.listObjectsV2(r -> r.bucket(BUCKET)).contents()).extracting(S3Object::key)
                    .doesNotContain(key);
        }
        assertThat(uploaded.storedFiles()).isEmpty();
    }

    @Test
    void auditCheckpointsAreWrittenToTheBucketAndVerifyReadsThemFromThere() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String chain = tenant.id().toString();
        assertThat(checkpoints.take(chain)).isTrue();
        try (S3Client client = S3TestServer.shared().newClient()) {
            assertThat(client.listObjectsV2(r -> r.bucket(BUCKET).prefix("audit/checkpoints/" + chain + "/"))
                    .contents()).extracting(S3Object::key).contains("audit/checkpoints/" + chain + "/latest.json");
        }
        mvc.perform(get("/api/v1/audit-events/verify").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
    }
}
