package com.qteria.document.storage;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where documents are stored, always encrypted, and the master keys that protect them. Defaults and environment
 * variables are in application.yml; docs/storage.md explains them.
 *
 * @param type       Where documents are stored: local (files under the data directory's documents folder) or s3
 *                   (an S3-compatible store, what several instances share); empty for local. Environment
 *                   variable: QTERIA_STORAGE.
 * @param masterKeys Master keys wrapping each document's data key: comma-separated keyId:base64 entries of 32 random
 *                   bytes, the last one the newest. Empty with local storage: a key generated once into the data
 *                   directory's keys folder. Required with s3. Environment variable: QTERIA_MASTER_KEYS.
 * @param s3         The S3-compatible store, when the type is s3.
 */
@Validated
@ConfigurationProperties("qteria.storage")
record StorageProperties(StorageType type, String masterKeys, @Valid @DefaultValue S3 s3) {

    StorageProperties {
        type = type == null ? StorageType.LOCAL : type;
        masterKeys = masterKeys == null ? "" : masterKeys;
    }

    @Override
    public String toString() {
        return "StorageProperties[type=" + type + ", s3=" + s3 + "]";
    }

    /**
     * The S3-compatible store ({@code qteria.storage.s3.*}).
     *
     * @param endpoint  URL of the store, e.g. http://minio:9000; empty for AWS itself. Environment variable:
     *                  QTERIA_S3_ENDPOINT.
     * @param region    Region of the bucket. Environment variable: QTERIA_S3_REGION.
     * @param bucket    Bucket of the documents, required with s3. Environment variable: QTERIA_S3_BUCKET.
     * @param pathStyle Whether the bucket goes in the path instead of the host name; most self-hosted stores (MinIO,
     *                  Ceph) want it. Environment variable: QTERIA_S3_PATH_STYLE.
     * @param accessKey Access key of static credentials; with the secret key empty too, the AWS SDK's default
     *                  credentials chain is used. Environment variable: QTERIA_S3_ACCESS_KEY.
     * @param secretKey Secret key of static credentials. Environment variable: QTERIA_S3_SECRET_KEY.
     */
    record S3(String endpoint, String region, String bucket, boolean pathStyle, String accessKey, String secretKey) {

        S3 {
            endpoint = endpoint == null ? "" : endpoint.strip();
            region = region == null ? "" : region.strip();
            bucket = bucket == null ? "" : bucket.strip();
            accessKey = accessKey == null ? "" : accessKey.strip();
            secretKey = secretKey == null ? "" : secretKey.strip();
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + "]";
        }
    }
}
