package com.qteria.flags;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of feature flags ({@code qteria.flags.*}).
 *
 * @param cacheTtl How long an instance evaluates flags from the switches it last read before reading them again. The
 *                 instance that makes a change drops its copy at once; every other instance agrees within this time.
 *                 Zero reads the database on every evaluation.
 */
@Validated
@ConfigurationProperties("qteria.flags")
public record FlagsProperties(
        @NotNull @DurationMin(seconds = 0, message = "zero or a positive duration such as 5s") @DefaultValue("5s")
        Duration cacheTtl) {
}
