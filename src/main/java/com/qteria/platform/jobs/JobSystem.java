package com.qteria.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The state of the job system as the shared database holds it, so any instance (the {@code web} role too) can tell:
 * jobs waiting ({@code qteria_jobs_waiting}), how long the oldest has waited
 * ({@code qteria_jobs_oldest_waiting_age_seconds}, 0 when none waits) and the job servers with a recent heartbeat
 * ({@code qteria_workers_alive}). Read with three small queries at most every {@link JobsSettings#cacheFor()}.
 * <p>
 * Decision: ages and heartbeats are measured against the system clock, not the application's {@code Clock}: JobRunr
 * stamps its rows with the system clock.
 */
@Component
public class JobSystem {

    private static final Logger log = LoggerFactory.getLogger(JobSystem.class);

    /** What the job tables said at {@code at}. */
    public record State(long waiting, Duration oldestWaiting, int workersAlive, Instant at) {

        /** Jobs wait, nobody takes them, and the oldest has waited longer than {@code patience}. */
        public boolean stalled(Duration patience) {
            return waiting > 0 && workersAlive == 0 && oldestWaiting.compareTo(patience) > 0;
        }
    }

    private final StorageProvider storage;
    private final JobsSettings settings;
    private volatile State cached;
    private volatile long cachedAt;

    JobSystem(StorageProvider storage, JobsSettings settings, MeterRegistry meters) {
        this.storage = storage;
        this.settings = settings;
        Gauge.builder("qteria.jobs.waiting", this, jobs -> jobs.gauge(State::waiting))
                .description("Jobs enqueued and not yet taken by a worker").register(meters);
        Gauge.builder("qteria.jobs.oldest.waiting.age", this,
                        jobs -> jobs.gauge(state -> state.oldestWaiting().toMillis() / 1000.0))
                .baseUnit("seconds").description("How long the oldest enqueued job has waited (0: none waits)")
                .register(meters);
        Gauge.builder("qteria.workers.alive", this, jobs -> jobs.gauge(State::workersAlive))
                .description("Job servers (workers) with a recent heartbeat").register(meters);
    }

    /** The state, read again once the last reading is older than {@link JobsSettings#cacheFor()}. */
    public State state() {
        State last = cached;
        if (last != null && System.nanoTime() - cachedAt < settings.cacheFor().toNanos()) {
            return last;
        }
        State now = read();
        cached = now;
        cachedAt = System.nanoTime();
        return now;
    }

    /** One figure of the state; NaN (Prometheus: no number) when the job tables cannot be read. */
    private double gauge(java.util.function.ToDoubleFunction<State> figure) {
        try {
            return figure.applyAsDouble(state());
        } catch (RuntimeException e) {
            log.warn("The job tables could not be read for the metrics: {}", e.toString());
            return Double.NaN;
        }
    }

    State read() {
        Instant now = Instant.now();
        long waiting = storage.countJobs(StateName.ENQUEUED);
        Duration oldest = Duration.ZERO;
        if (waiting > 0) {
            List<Job> first = storage.getJobList(StateName.ENQUEUED, new AmountRequest("updatedAt:ASC", 1));
            if (!first.isEmpty()) {
                Duration age = Duration.between(first.getFirst().getUpdatedAt(), now);
                oldest = age.isNegative() ? Duration.ZERO : age;
            }
        }
        Instant alive = now.minus(settings.workerTimeout());
        int workers = (int) storage.getBackgroundJobServers().stream()
                .filter(server -> server.isRunning() && server.getLastHeartbeat() != null
                        && server.getLastHeartbeat().isAfter(alive))
                .count();
        return new State(waiting, oldest, workers, now);
    }
}
