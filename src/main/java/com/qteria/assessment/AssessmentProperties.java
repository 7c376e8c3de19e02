package com.qteria.assessment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the assessment job ({@code qteria.assessment.*}).
 *
 * @param readingWait    how long an assessment waits for its documents to be read before it fails
 * @param abandonedAfter how long a running assessment's worker may stay silent before the assessment is looked at
 *                       (handed on, or failed when its job is gone)
 */
@Validated
@ConfigurationProperties("qteria.assessment")
public record AssessmentProperties(@NotNull @DefaultValue("15m") Duration readingWait,
        @NotNull @DefaultValue("10m") Duration abandonedAfter) {

    public AssessmentProperties {
        if (readingWait.isNegative() || readingWait.isZero()) {
            throw new IllegalArgumentException("qteria.assessment.reading-wait must be positive");
        }
        if (abandonedAfter.isNegative() || abandonedAfter.isZero()) {
            throw new IllegalArgumentException("qteria.assessment.abandoned-after must be positive");
        }
    }
}
