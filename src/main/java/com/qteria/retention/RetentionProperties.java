package com.qteria.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the daily retention run ({@code qteria.retention.*}).
 *
 * @param cron        When the run starts (five fields, UTC; JobRunr runs it once over all instances). Default 03:00.
 * @param batchSize   Documents or assessments deleted per batch; each one in its own short transaction.
 * @param purgeAfter  How long share links, bearer tokens and invitations are kept once they expired, were revoked or
 *                    were used, before they are deleted (their audit entries stay).
 */
@Validated
@ConfigurationProperties("qteria.retention")
public record RetentionProperties(
        @NotBlank @DefaultValue("0 3 * * *") String cron,
        @Min(value = 1, message = "at least 1") @Max(value = 10_000, message = "at most 10000") @DefaultValue("100")
        int batchSize,
        @NotNull @DurationMin(hours = 1, message = "at least 1h") @DefaultValue("90d") Duration purgeAfter) {
}
