package com.qteria.platform.jobs;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The "jobs" component of {@code /health}: DOWN when jobs wait, no worker has a recent heartbeat, and the oldest has
 * waited longer than {@link JobsSettings#stalledAfter()} — uploads would never be read nor assessments run. The
 * figures are details for the operator. Not part of readiness nor liveness: a web instance serves well without
 * workers, and restarting it would not bring one back.
 */
@Component("jobs")
class JobsHealthIndicator extends AbstractHealthIndicator {

    private final JobSystem jobs;
    private final JobsSettings settings;

    JobsHealthIndicator(JobSystem jobs, JobsSettings settings) {
        super("The job tables could not be read");
        this.jobs = jobs;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobSystem.State state = jobs.state();
        (state.stalled(settings.stalledAfter()) ? builder.down() : builder.up())
                .withDetail("workers_alive", state.workersAlive())
                .withDetail("jobs_waiting", state.waiting())
                .withDetail("oldest_waiting_seconds", state.oldestWaiting().toSeconds());
    }
}
