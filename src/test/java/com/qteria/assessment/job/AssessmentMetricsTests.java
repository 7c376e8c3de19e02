package com.qteria.assessment.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.assessment.AssessmentStatus;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The assessment figures: every outcome exists at 0, the duration counts from queued into the objective's buckets. */
class AssessmentMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AssessmentMetrics metrics = new AssessmentMetrics(meters);

    @Test
    void everyOutcomeIsThereFromTheStart() {
        for (String outcome : new String[] {"completed", "failed", "cancelled"}) {
            assertThat(meters.get("qteria.assessments.finished").tag("outcome", outcome).counter().count()).isZero();
            assertThat(meters.get("qteria.assessment.duration").tag("outcome", outcome).timer().count()).isZero();
        }
        assertThat(meters.get("qteria.assessments.started").counter().count()).isZero();
    }

    @Test
    void countsAnEndOnceWithItsTimeFromQueuedInTheObjectivesBuckets() {
        Instant queued = Instant.parse("2026-12-07T10:00:00Z");
        metrics.started();
        metrics.finished(AssessmentStatus.COMPLETED, queued, queued.plus(Duration.ofMinutes(7)));
        metrics.finished(AssessmentStatus.FAILED, queued, queued.plusSeconds(20));
        metrics.finished(AssessmentStatus.CANCELLED, queued, null);

        assertThat(meters.get("qteria.assessments.started").counter().count()).isEqualTo(1);
        assertThat(meters.get("qteria.assessments.finished").tag("outcome", "completed").counter().count()).isEqualTo(1);
        assertThat(meters.get("qteria.assessments.finished").tag("outcome", "cancelled").counter().count()).isEqualTo(1);
        Map<Double, Double> completed = buckets("completed");
        assertThat(completed).containsEntry(60.0, 0.0).containsEntry(300.0, 0.0).containsEntry(600.0, 1.0)
                .containsKeys(30.0, 120.0, 900.0, 1800.0, 3600.0);
        assertThat(buckets("failed")).containsEntry(30.0, 1.0);
        assertThat(meters.get("qteria.assessment.duration").tag("outcome", "cancelled").timer().count()).isZero();
    }

    @Test
    void refusesWhatIsNoEnd() {
        assertThatThrownBy(() -> metrics.finished(AssessmentStatus.RUNNING, Instant.now(), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<Double, Double> buckets(String outcome) {
        CountAtBucket[] buckets = meters.get("qteria.assessment.duration").tag("outcome", outcome).timer()
                .takeSnapshot().histogramCounts();
        return Arrays.stream(buckets).collect(Collectors.toMap(b -> b.bucket(TimeUnit.SECONDS), CountAtBucket::count));
    }
}
