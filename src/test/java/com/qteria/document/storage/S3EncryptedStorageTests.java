package com.qteria.document.storage;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.s3.S3Client;

/** Encrypted storage in an S3 bucket (s3proxy, in this JVM), read back with plain S3 requests. */
class S3EncryptedStorageTests extends EncryptedStorageContractTests {

    private final S3TestServer server = S3TestServer.shared();
    private final S3Client client = server.newClient();
    private String bucket;

    @Override
    DocumentStore newStore() {
        bucket = server.newBucket(client);
        return new S3DocumentStore(client, bucket);
    }

    @Override
    List<byte[]> rawObjects() {
        return client.listObjectsV2(request -> request.bucket(bucket)).contents().stream()
                .map(object -> client.getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asByteArray())
                .toList();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
