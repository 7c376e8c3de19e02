package com.qteria.assessment.share;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of share links ({@code qteria.share.*}).
 *
 * @param viewsPerIp  How many shared reports one client address may open per {@code viewsWindow}; more are 429.
 * @param viewsWindow The window of {@code viewsPerIp}.
 */
@Validated
@ConfigurationProperties("qteria.share")
public record ShareProperties(
        @Min(value = 1, message = "at least 1") @Max(value = 100_000, message = "at most 100000") @DefaultValue("60")
        int viewsPerIp,
        @NotNull @DurationMin(seconds = 1, message = "a positive duration such as 1m") @DefaultValue("1m")
        Duration viewsWindow) {
}
