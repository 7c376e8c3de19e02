package com.qteria.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code jobs} component of {@code /health} and the job gauges, on a job storage that answers as told: DOWN only
 * when jobs wait, no worker beats, and the oldest has waited longer than the threshold.
 */
class JobsHealthIndicatorTests {

    private final StorageProvider storage = mock(StorageProvider.class);
    private final JobsSettings settings = new JobsSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ZERO);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobSystem jobs = new JobSystem(storage, settings, meters);
    private final JobsHealthIndicator indicator = new JobsHealthIndicator(jobs, settings);

    @Test
    void downWhenJobsWaitLongerThanTheThresholdAndNoWorkerBeats() {
        waiting(3, Duration.ofMinutes(12));
        workers(server(Duration.ofMinutes(3)));

        Health health = indicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("workers_alive", 0).containsEntry("jobs_waiting", 3L);
        assertThat((Long) health.getDetails().get("oldest_waiting_seconds")).isBetween(719L, 721L);
        assertThat(meters.get("qteria.workers.alive").gauge().value()).isZero();
        assertThat(meters.get("qteria.jobs.waiting").gauge().value()).isEqualTo(3);
        assertThat(meters.get("qteria.jobs.oldest.waiting.age").gauge().value()).isBetween(719.0, 721.0);
    }

    @Test
    void upWhileAWorkerBeatsOrTheWaitIsShort() {
        waiting(3, Duration.ofMinutes(12));
        workers(server(Duration.ofSeconds(10)), server(Duration.ofMinutes(3)));
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health(true).getDetails()).containsEntry("workers_alive", 1);

        waiting(3, Duration.ofMinutes(2));
        workers();
        assertThat(indicator.health(true).getStatus()).as("not stalled yet").isEqualTo(Status.UP);

        waiting(0, null);
        assertThat(indicator.health(true).getStatus()).as("no work, nobody needed").isEqualTo(Status.UP);
        assertThat(meters.get("qteria.jobs.oldest.waiting.age").gauge().value()).isZero();
    }

    @Test
    void downWhenTheJobTablesCannotBeReadAndTheGaugesSayNothingThen() {
        when(storage.countJobs(StateName.ENQUEUED)).thenThrow(new IllegalStateException("connection refused"));
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get("qteria.jobs.waiting").gauge().value()).isNaN();
    }

    private void waiting(long count, Duration oldest) {
        when(storage.countJobs(StateName.ENQUEUED)).thenReturn(count);
        if (oldest == null) {
            when(storage.getJobList(eq(StateName.ENQUEUED), any(AmountRequest.class))).thenReturn(List.of());
            return;
        }
        Job job = mock(Job.class);
        when(job.getUpdatedAt()).thenReturn(Instant.now().minus(oldest));
        when(storage.getJobList(eq(StateName.ENQUEUED), any(AmountRequest.class))).thenReturn(List.of(job));
    }

    private void workers(BackgroundJobServerStatus... servers) {
        when(storage.getBackgroundJobServers()).thenReturn(List.of(servers));
    }

    private static BackgroundJobServerStatus server(Duration sinceHeartbeat) {
        BackgroundJobServerStatus server = mock(BackgroundJobServerStatus.class);
        when(server.isRunning()).thenReturn(true);
        when(server.getLastHeartbeat()).thenReturn(Instant.now().minus(sinceHeartbeat));
        return server;
    }
}
