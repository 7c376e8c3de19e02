package com.qteria.assessment.job;

import com.qteria.assessment.AssessmentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The assessment figures the service level objectives are about (docs/operations.md): assessments started
 * ({@code qteria_assessments_started_total}), finished by outcome ({@code qteria_assessments_finished_total{outcome}})
 * and how long they took ({@code qteria_assessment_duration_seconds{outcome}}). Counted where the end is stored, once
 * per assessment: the callers count only after the statement that ended it changed a row.
 * <p>
 * Decision: the duration runs from queued to finished, what the person who started it waits (the objective "95 % of
 * assessments under 10 minutes" is about that wait, reading the documents and waiting for a worker included), not from
 * the moment a worker took it. Buckets: the objective's 1, 5 and 10 minutes, and a few around them for the dashboard's
 * distribution. No tenant is ever a tag.
 */
@Component
public class AssessmentMetrics {

    /** The outcomes counted; every one is registered at start so that rates exist before the first of each. */
    private static final List<AssessmentStatus> OUTCOMES = List.of(AssessmentStatus.COMPLETED,
            AssessmentStatus.FAILED, AssessmentStatus.CANCELLED);

    private final Counter started;
    private final Map<AssessmentStatus, Counter> finished = new EnumMap<>(AssessmentStatus.class);
    private final Map<AssessmentStatus, Timer> durations = new EnumMap<>(AssessmentStatus.class);

    AssessmentMetrics(MeterRegistry meters) {
        this.started = Counter.builder("qteria.assessments.started").description("Assessments queued").register(meters);
        for (AssessmentStatus outcome : OUTCOMES) {
            finished.put(outcome, Counter.builder("qteria.assessments.finished")
                    .description("Assessments that ended, by outcome").tag("outcome", outcome.value())
                    .register(meters));
            durations.put(outcome, Timer.builder("qteria.assessment.duration")
                    .description("From queued to finished, by outcome")
                    .tag("outcome", outcome.value())
                    .serviceLevelObjectives(seconds(30), seconds(60), seconds(120), seconds(300), seconds(600),
                            seconds(900), seconds(1800), seconds(3600))
                    .register(meters));
        }
    }

    /** An assessment was queued (its transaction committed). */
    public void started() {
        started.increment();
    }

    /** An assessment queued at {@code queuedAt} ended {@code outcome} (completed, failed, cancelled) at {@code at}. */
    public void finished(AssessmentStatus outcome, Instant queuedAt, Instant at) {
        Counter counter = finished.get(outcome);
        if (counter == null) {
            throw new IllegalArgumentException("Not an end: " + outcome);
        }
        counter.increment();
        if (queuedAt != null && at != null) {
            durations.get(outcome).record(Duration.between(queuedAt, at).isNegative() ? Duration.ZERO
                    : Duration.between(queuedAt, at));
        }
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
