package com.qteria.assessment;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the assessment job ({@code qteria.assessment.*}).
 *
 * @param readingWait    How long an assessment waits for its documents to be read before it fails.
 * @param abandonedAfter How long a running assessment's worker may stay silent before the assessment is looked at
 *                       (handed on, or failed when its job is gone); a cancel of one silent for longer ends it at
 *                       once, and one whose cancel was asked for ends {@code cancelled} when it falls silent this
 *                       long.
 */
@Validated
@ConfigurationProperties("qteria.assessment")
public record AssessmentProperties(
        @NotNull @DurationMin(millis = 1, message = "a positive duration such as 15m") @DefaultValue("15m")
        Duration readingWait,
        @NotNull @DurationMin(millis = 1, message = "a positive duration such as 10m") @DefaultValue("10m")
        Duration abandonedAfter) {
}
