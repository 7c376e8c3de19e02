package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.platform.DataDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The beans each setting gives, and the settings that must stop the application from starting; the defaults are
 * application.yml's.
 */
class StorageConfigurationTests {

    private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Settings.class, StorageConfiguration.class, EncryptedStorage.class)
                .withPropertyValues("qteria.data-dir=" + dataDir);
    }

    @Test
    void storesInTheDataDirectoryByDefault() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(S3Client.class).doesNotHaveBean("documentStore");
            DocumentStore store = context.getBean(EncryptedStorage.class).store();
            assertThat(store).isInstanceOf(FileSystemDocumentStore.class);
            assertThat(((FileSystemDocumentStore) store).root()).isEqualTo(dataDir.resolve("documents").toAbsolutePath());
            assertThat(dataDir).as("keys and folders come when needed").isEmptyDirectory();
        });
    }

    @Test
    void storesInAnS3BucketWithAHealthCheck() {
        S3TestServer server = S3TestServer.shared();
        String bucket;
        try (S3Client client = server.newClient()) {
            bucket = server.newBucket(client);
        }
        runner().withPropertyValues(s3(server, bucket)).run(context -> {
            assertThat(context).hasNotFailed();
            EncryptedStorage storage = context.getBean(EncryptedStorage.class);
            assertThat(storage.store().describe()).isEqualTo("s3 " + bucket + "@" + server.endpoint());
            assertThat(storage.activeKeyId()).isEqualTo("k1");
            StoredObject stored = storage.store(Files.writeString(dataDir.resolve("report.pdf"), "in the bucket"));
            try (InputStream in = storage.open(stored)) {
                assertThat(in.readAllBytes()).asString().isEqualTo("in the bucket");
            }
            assertThat(context.getBean("documentStore", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(dataDir.resolve("keys")).as("no key generated beside S3").doesNotExist();
        });
    }

    @Test
    void reportsAMissingBucketAsDown() {
        runner().withPropertyValues(s3(S3TestServer.shared(), "qteria-not-created")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("documentStore", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN);
        });
    }

    @Test
    void s3NeedsConfiguredKeys() {
        runner().withPropertyValues(s3(S3TestServer.shared(), "bucket")).withPropertyValues("qteria.storage.master-keys=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Documents stored in S3 need master keys shared by every instance: set "
                                + "qteria.storage.master-keys (QTERIA_MASTER_KEYS)"));
    }

    @Test
    void s3NeedsABucket() {
        runner().withPropertyValues(s3(S3TestServer.shared(), ""))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("qteria.storage.s3.bucket (QTERIA_S3_BUCKET) is needed"));
    }

    @Test
    void s3CredentialsComeInPairs() {
        runner().withPropertyValues(s3(S3TestServer.shared(), "bucket")).withPropertyValues("qteria.storage.s3.secret-key=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Set both qteria.storage.s3.access-key and secret-key"));
    }

    @Test
    void rejectsAnUnknownStorageType() {
        runner().withPropertyValues("qteria.storage.type=gcs")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'qteria.storage.type'"));
    }

    @Test
    void rejectsAnInvalidMasterKeyAtStartup() {
        runner().withPropertyValues("qteria.storage.master-keys=" + KEY + ",k2:dG9vIHNob3J0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Invalid master key 'k2' in entry 2 of qteria.storage.master-keys")
                        .hasMessageNotContaining("dG9vIHNob3J0"));
    }

    @EnableConfigurationProperties({StorageProperties.class, DataDirectory.class})
    static class Settings {
    }

    private static String[] s3(S3TestServer server, String bucket) {
        return new String[] {"qteria.storage.type=s3", "qteria.storage.master-keys=" + KEY,
                "qteria.storage.s3.endpoint=" + server.endpoint(), "qteria.storage.s3.region=" + S3TestServer.REGION,
                "qteria.storage.s3.bucket=" + bucket, "qteria.storage.s3.path-style=true",
                "qteria.storage.s3.access-key=" + S3TestServer.ACCESS_KEY,
                "qteria.storage.s3.secret-key=" + S3TestServer.SECRET_KEY};
    }
}
