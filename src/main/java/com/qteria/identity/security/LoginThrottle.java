package com.qteria.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.qteria.identity.IdentityProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per email (default 5 in 15 minutes) and per client address (default 20 an hour), with
 * Bucket4j token buckets. Only failures consume; while either bucket is empty every attempt — right password or
 * not — is refused with the time to wait. Buckets live in this instance (bounded, expiring).
 */
@Component
class LoginThrottle {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final Supplier<Bandwidth> perEmail;
    private final Supplier<Bandwidth> perIp;

    LoginThrottle(Clock clock, IdentityProperties settings) {
        int emailLimit = settings.auth().loginLimitPerEmail();
        Duration emailWindow = settings.auth().loginWindowPerEmail();
        int ipLimit = settings.auth().loginLimitPerIp();
        Duration ipWindow = settings.auth().loginWindowPerIp();
        this.time = new ClockTimeMeter(clock);
        this.perEmail = () -> Bandwidth.builder().capacity(emailLimit).refillIntervally(emailLimit, emailWindow).build();
        this.perIp = () -> Bandwidth.builder().capacity(ipLimit).refillIntervally(ipLimit, ipWindow).build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(emailWindow.compareTo(ipWindow) > 0 ? emailWindow : ipWindow)
                .ticker(() -> time.currentTimeNanos())
                .build();
    }

    /** How long the caller must wait before trying again, if at all. */
    Optional<Duration> blockedFor(String email, String ip) {
        long wait = Math.max(waitNanos("email:" + email, perEmail), waitNanos("ip:" + ip, perIp));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait).plusSeconds(1).withNanos(0)) : Optional.empty();
    }

    void recordFailure(String email, String ip) {
        bucket("email:" + email, perEmail).tryConsume(1);
        bucket("ip:" + ip, perIp).tryConsume(1);
    }

    private long waitNanos(String key, Supplier<Bandwidth> limit) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, Supplier<Bandwidth> limit) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit.get()).withCustomTimePrecision(time).build());
    }

    /** Bucket4j's time source follows the application clock, so tests can move past a window. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
