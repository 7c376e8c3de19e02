package com.qteria.document.storage;

import com.qteria.platform.DataDirectory;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where documents are stored ({@code qteria.storage.type}: {@code local}, the default, or {@code s3}) and the master
 * keys that protect them. See docs/storage.md.
 * <p>
 * Decisions: with S3, master keys must be configured — S3 is what several instances share, and a key generated into
 * one instance's data directory would leave the others unable to read what it stored. The S3 client asks for
 * checksums only where S3 requires them: the SDK's newer default checksums are not understood by every
 * S3-compatible store, and the content is authenticated end to end by its encryption anyway.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final String TYPE = "qteria.storage.type";

    @Bean
    MasterKeys masterKeys(StorageProperties storage, DataDirectory dataDirectory) {
        if (storage.type() == StorageType.S3 && !StringUtils.hasText(storage.masterKeys())) {
            throw new IllegalStateException("Documents stored in S3 need master keys shared by every instance: set "
                    + MasterKeys.PROPERTY + " (see docs/storage.md)");
        }
        return MasterKeys.load(storage.masterKeys(), dataDirectory.dataDir(), storage.type() == StorageType.LOCAL);
    }

    @Bean
    DocumentStore documentObjectStore(StorageProperties storage, DataDirectory dataDirectory,
            ObjectProvider<S3Client> documentsS3Client) {
        return switch (storage.type()) {
            case LOCAL -> new FileSystemDocumentStore(dataDirectory.resolve("documents"));
            case S3 -> {
                if (storage.s3().bucket().isEmpty()) {
                    throw new IllegalStateException("qteria.storage.s3.bucket (QTERIA_S3_BUCKET) is needed when "
                            + TYPE + " is s3");
                }
                yield new S3DocumentStore(documentsS3Client.getObject(), storage.s3().bucket());
            }
        };
    }

    @Bean(destroyMethod = "close")
    @Conditional(S3Selected.class)
    S3Client documentsS3Client(StorageProperties storage) {
        return s3Client(storage.s3());
    }

    /** A client for the store; the tests' clients are made here too, so they are configured exactly alike. */
    static S3Client s3Client(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region().isEmpty() ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3.accessKey(), s3.secretKey()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!s3.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    /** The "documentStore" component of health: the bucket answers a HEAD request with these credentials. */
    @Bean("documentStore")
    @Conditional(S3Selected.class)
    HealthIndicator documentStoreHealth(DocumentStore documentObjectStore) {
        S3DocumentStore store = (S3DocumentStore) documentObjectStore;
        return new AbstractHealthIndicator("S3 bucket is not reachable") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                store.checkBucket();
                builder.up().withDetail("store", store.describe());
            }
        };
    }

    /** {@code qteria.storage.type} says s3, read as {@link StorageProperties} reads it. */
    static final class S3Selected implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            try {
                return Binder.get(context.getEnvironment()).bind(TYPE, StorageType.class)
                        .orElse(StorageType.LOCAL) == StorageType.S3;
            } catch (BindException e) {
                return false; // reported, with the valid values, when the settings are bound
            }
        }
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        if (StringUtils.hasText(accessKey) != StringUtils.hasText(secretKey)) {
            throw new IllegalStateException("Set both qteria.storage.s3.access-key and secret-key (QTERIA_S3_ACCESS_KEY, "
                    + "QTERIA_S3_SECRET_KEY), or neither to use the AWS SDK's default credentials chain");
        }
        if (StringUtils.hasText(accessKey)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.strip(), secretKey.strip()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
