package com.qteria.platform.jobs;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the job system's figures are read ({@link JobSystem}).
 *
 * @param workerTimeout  a job server whose last heartbeat is older than this counts as dead (not in
 *                       {@code qteria_workers_alive}). JobRunr beats every poll interval and considers a server gone
 *                       after four of them; the default, 1 minute, is four of the longest usual interval (15 s).
 * @param stalledAfter   the {@code jobs} component of {@code /health} is DOWN when jobs wait, no worker is alive, and
 *                       the oldest has waited longer than this. Environment variable: QTERIA_JOBS_STALLED_AFTER
 *                       (default 5m).
 * @param cacheFor       how long a reading of the job tables is reused by the gauges and the health component, so a
 *                       scrape every few seconds by several Prometheus servers costs one query each time at most.
 */
@Validated
@ConfigurationProperties("qteria.jobs")
public record JobsSettings(
        @NotNull @DurationMin(seconds = 1, message = DURATION) Duration workerTimeout,
        @NotNull @DurationMin(seconds = 1, message = DURATION) Duration stalledAfter,
        @NotNull Duration cacheFor) {

    private static final String DURATION = "a duration of at least one second, such as 5m";
}
