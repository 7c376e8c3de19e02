package com.qteria.audit.anchor;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the audit chain is anchored outside the database. Defaults and environment variables are in application.yml.
 *
 * @param key                The audit key: 32 random bytes in base64 ({@code openssl rand -base64 32}) that seal every
 *                           entry and checkpoint; the database never holds it. Empty: generated once into
 *                           {@code <data-dir>/keys/audit.key} (embedded default; refused with S3 storage, where
 *                           instances must share it). Environment variable: QTERIA_AUDIT_KEY.
 * @param checkpointInterval How often each chain's head is written, sealed, to the document store (a deletion of
 *                           entries older than the last checkpoint is then detected). Environment variable:
 *                           QTERIA_AUDIT_CHECKPOINT_INTERVAL.
 */
@Validated
@ConfigurationProperties("qteria.audit")
public record AuditProperties(String key,
        @NotNull(message = INTERVAL) @DurationMin(seconds = 1, message = INTERVAL)
        @DurationMax(hours = 24, message = INTERVAL) Duration checkpointInterval) {

    private static final String INTERVAL = "a duration between 1s and 24h such as 15m";
}
