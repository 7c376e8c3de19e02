package com.qteria.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in a bucket of any S3-compatible store (AWS, MinIO, Ceph, …), through AWS SDK v2.
 * Uploads stream from the file ({@link RequestBody#fromFile}), downloads stream from the connection. Failures of the
 * SDK become {@link IOException}s naming the operation and the key, so callers handle one kind of failure for every
 * store.
 */
public final class S3DocumentStore implements DocumentStore {

    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final String bucket;

    public S3DocumentStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        request("put", key, () -> client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file)),
                null);
    }

    @Override
    public InputStream get(String key) throws IOException {
        return request("get", key, () -> client.getObject(request -> request.bucket(bucket).key(key)), () -> {
            throw new NoSuchFileException(key, null, "no stored object under this key in " + describe());
        });
    }

    @Override
    public void delete(String key) throws IOException {
        request("delete", key, () -> client.deleteObject(request -> request.bucket(bucket).key(key)), () -> null);
    }

    @Override
    public boolean exists(String key) throws IOException {
        return request("exists", key, () -> client.headObject(request -> request.bucket(bucket).key(key)) != null,
                () -> false);
    }

    /**
     * One request about one key. A missing key gets the caller's answer ({@code whenMissing}; none: a failure like any
     * other); every other failure becomes an {@link IOException} naming the operation, the key and the store.
     */
    private <T> T request(String operation, String key, Supplier<T> call, Missing<T> whenMissing) throws IOException {
        DocumentStore.requireValidKey(key);
        try {
            return call.get();
        } catch (SdkException e) {
            if (whenMissing != null && isNotFound(e)) {
                return whenMissing.answer();
            }
            throw failed(operation, key, e);
        }
    }

    @FunctionalInterface
    private interface Missing<T> {
        T answer() throws IOException;
    }

    @Override
    public String describe() {
        String where = client.serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElseGet(() -> String.valueOf(client.serviceClientConfiguration().region()));
        return "s3 " + bucket + "@" + where;
    }

    public String bucket() {
        return bucket;
    }

    /** Whether the bucket answers; what the health check asks. */
    void checkBucket() {
        client.headBucket(request -> request.bucket(bucket));
    }

    /** A missing key, not a missing bucket: that one is a configuration error and must not pass for "no object". */
    private static boolean isNotFound(SdkException e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        return e instanceof S3Exception s3 && !(e instanceof NoSuchBucketException) && s3.statusCode() == NOT_FOUND
                && (s3.awsErrorDetails() == null || !"NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
    }

    private IOException failed(String operation, String key, SdkException e) {
        return new IOException("S3 " + operation + " of '" + key + "' in " + describe() + " failed: " + e.getMessage(), e);
    }
}
