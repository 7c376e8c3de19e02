package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The same contract against a real S3-protocol server (s3proxy, in this JVM). */
class S3DocumentStoreTests extends DocumentStoreContractTests {

    private final S3TestServer server = S3TestServer.shared();
    private final S3Client client = server.newClient();
    private String bucket;

    @Override
    DocumentStore newStore() {
        bucket = server.newBucket(client);
        return new S3DocumentStore(client, bucket);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void describesItselfByBucketAndEndpointWithoutCredentials() {
        assertThat(store.describe()).isEqualTo("s3 " + bucket + "@" + server.endpoint())
                .doesNotContain(S3TestServer.SECRET_KEY, S3TestServer.ACCESS_KEY);
    }

    @Test
    void aMissingBucketIsAnErrorNotAMissingObject() {
        S3DocumentStore noBucket = new S3DocumentStore(client, "qteria-no-such-bucket");

        assertThatThrownBy(() -> noBucket.get("key")).isInstanceOf(IOException.class)
                .isNotInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("S3 get of 'key' in s3 qteria-no-such-bucket@");
        assertThatThrownBy(noBucket::checkBucket).isInstanceOf(RuntimeException.class);
    }

    @Test
    void wrongCredentialsFailAsIOException() throws IOException {
        try (S3Client wrong = StorageConfiguration.s3Client(new StorageProperties.S3(server.endpoint().toString(),
                S3TestServer.REGION, "", true, S3TestServer.ACCESS_KEY, "not-the-secret"))) {
            DocumentStore unauthorised = new S3DocumentStore(wrong, bucket);

            assertThatThrownBy(() -> unauthorised.put("key", file("content", "x")))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("S3 put of 'key'")
                    .hasMessageNotContaining("not-the-secret");
        }
    }
}
