package com.qteria.assessment.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.qteria.platform.ClockTimeMeter;
import com.qteria.shared.ApiProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Limits how many shared reports a client address opens ({@link ShareProperties}), with a Bucket4j token bucket per
 * address like the sign-in throttle, so that guessing secrets is slow on top of hopeless. Every request counts, found
 * or not. Buckets live in this instance (bounded, expiring): behind several instances the limit applies per instance.
 */
@Component
class ShareThrottle {

    private final Cache<String, Bucket> buckets;
    private final ClockTimeMeter time;
    private final ShareProperties settings;

    ShareThrottle(Clock clock, ShareProperties settings) {
        this.time = new ClockTimeMeter(clock);
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(settings.viewsWindow())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Takes one view of {@code address}; 429 with the time to wait when its bucket is empty. */
    void admit(String address) {
        Bucket bucket = buckets.get(address, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.viewsPerIp())
                        .refillIntervally(settings.viewsPerIp(), settings.viewsWindow()).build())
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiProblem.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
        }
    }
}
