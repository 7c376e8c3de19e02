package com.qteria.document.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server in this JVM: s3proxy on a free port of 127.0.0.1, path-style, AWS signatures checked,
 * objects kept in a temporary directory (not in memory: the large-file tests put 60 MB). Started once per test run
 * and shared; every test takes a bucket of its own.
 */
final class S3TestServer {

    static final String ACCESS_KEY = "qteria-test-access";
    static final String SECRET_KEY = "qteria-test-secret-key";
    static final String REGION = "us-east-1";

    private static S3TestServer shared;

    private final URI endpoint;

    private S3TestServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client configured exactly as the application configures its own. */
    S3Client newClient() {
        return StorageConfiguration.s3Client(new StorageProperties.S3(endpoint.toString(), REGION, "", true, ACCESS_KEY,
                SECRET_KEY));
    }

    /** A new, empty bucket. */
    String newBucket(S3Client client) {
        String bucket = "qteria-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    private static S3TestServer start() {
        try {
            Path objects = Files.createTempDirectory("qteria-s3proxy-");
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(objects.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(proxy, objects)));
            return new S3TestServer(URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    private static void stop(S3Proxy proxy, Path objects) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // the JVM is ending; the directory below is what matters
        }
        try (Stream<Path> paths = Files.walk(objects)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
