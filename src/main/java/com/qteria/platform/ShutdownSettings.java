package com.qteria.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a stopping instance (SIGTERM) gives its work to end. application.yml hands the same value to Spring's
 * {@code spring.lifecycle.timeout-per-shutdown-phase}: requests in flight get this long to finish while no new
 * connection is taken. Jobs do not wait for it: they stop at their next safe point and are handed back to another
 * worker ({@link com.qteria.platform.jobs.WorkerShutdown}). An orchestrator must wait longer than this before it kills
 * the process (Kubernetes {@code terminationGracePeriodSeconds}; docs/deployment.md).
 *
 * @param grace how long requests in flight may take to finish once the instance stops. Environment variable:
 *              QTERIA_SHUTDOWN_GRACE (default 30s).
 */
@Validated
@ConfigurationProperties("qteria.shutdown")
public record ShutdownSettings(
        @NotNull(message = GRACE) @DurationMin(seconds = 1, message = GRACE) Duration grace) {

    private static final String GRACE = "a duration of at least one second, such as 30s";
}
