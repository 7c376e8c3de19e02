package com.qteria.platform;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The installation this instance belongs to, as configured. application.yml also hands the same property to the log
 * lines ({@code environment} field) and to every metric (common tag {@code environment}).
 *
 * @param environment development (the default: a developer's machine), staging or production. Environment
 *                    variable: ENVIRONMENT.
 */
@Validated
@ConfigurationProperties("qteria")
public record EnvironmentSetting(
        @NotNull(message = "development, staging or production") DeploymentEnvironment environment) {
}
