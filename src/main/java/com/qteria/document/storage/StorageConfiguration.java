package com.qteria.document.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
    MasterKeys masterKeys(@Value("${qteria.storage.master-keys:}") String configured,
            @Value("${qteria.data-dir}") String dataDir, @Value("${" + TYPE + ":local}") String type) {
        StorageType storage = StorageType.parse(type);
        if (storage == StorageType.S3 && !StringUtils.hasText(configured)) {
            throw new IllegalStateException("Documents stored in S3 need master keys shared by every instance: set "
                    + MasterKeys.PROPERTY + " (see docs/storage.md)");
        }
        return MasterKeys.load(configured, Path.of(dataDir), storage == StorageType.LOCAL);
    }

    @Bean
    DocumentStore documentObjectStore(@Value("${" + TYPE + ":local}") String type,
            @Value("${qteria.data-dir}") String dataDir, @Value("${qteria.storage.s3.bucket:}") String bucket,
            ObjectProvider<S3Client> documentsS3Client) {
        return switch (StorageType.parse(type)) {
            case LOCAL -> new FileSystemDocumentStore(Path.of(dataDir).resolve("documents"));
            case S3 -> {
                if (!StringUtils.hasText(bucket)) {
                    throw new IllegalStateException("qteria.storage.s3.bucket (QTERIA_S3_BUCKET) is needed when "
                            + TYPE + " is s3");
                }
                yield new S3DocumentStore(documentsS3Client.getObject(), bucket.strip());
            }
        };
    }

    @Bean(destroyMethod = "close")
    @Conditional(S3Selected.class)
    S3Client documentsS3Client(@Value("${qteria.storage.s3.endpoint:}") String endpoint,
            @Value("${qteria.storage.s3.region:us-east-1}") String region,
            @Value("${qteria.storage.s3.path-style:false}") boolean pathStyle,
            @Value("${qteria.storage.s3.access-key:}") String accessKey,
            @Value("${qteria.storage.s3.secret-key:}") String secretKey) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(StringUtils.hasText(region) ? region.strip() : "us-east-1"))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials(accessKey, secretKey))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (StringUtils.hasText(endpoint)) {
            builder.endpointOverride(URI.create(endpoint.strip()));
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

    /** {@code qteria.storage.type} says s3, read exactly as {@link StorageType#parse} reads it. */
    static final class S3Selected implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            try {
                return StorageType.parse(context.getEnvironment().getProperty(TYPE)) == StorageType.S3;
            } catch (IllegalArgumentException e) {
                return false; // reported, with the valid values, by the document store bean
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
