package com.qteria.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.qteria.identity.IdentityProperties;
import com.qteria.platform.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per email (default 5 in 15 minutes) and per client address (default 20 an hour), with
 * Bucket4j token buckets. Admitting an attempt takes a token from both buckets at once (atomic per bucket), so however
 * many attempts arrive together, no more than the limit are evaluated; a successful sign-in gives its tokens back, so
 * only failures count. While either bucket is empty every attempt — right password or not — is refused with the time
 * to wait.
 *
 * <p>Refusals are audited once per blocked period of an email: the first refusal is to be recorded, with the time
 * the block ends; the refusals after it until then are only counted, and their number goes with the email's next
 * recorded sign-in entry (a failure, a success, or the first refusal of a later block) — see
 * {@link #takeUnrecorded(String)}. Buckets and counts live in this instance (bounded, expiring; a count waits at most
 * a day): behind several instances a blocked period may be recorded once per instance.
 */
@Component
class LoginThrottle {

    private final Cache<String, Bucket> buckets;
    private final Cache<String, Refusals> refusals;
    private final Clock clock;
    private final ClockTimeMeter time;
    private final Supplier<Bandwidth> perEmail;
    private final Supplier<Bandwidth> perIp;

    LoginThrottle(Clock clock, IdentityProperties settings) {
        int emailLimit = settings.auth().loginLimitPerEmail();
        Duration emailWindow = settings.auth().loginWindowPerEmail();
        int ipLimit = settings.auth().loginLimitPerIp();
        Duration ipWindow = settings.auth().loginWindowPerIp();
        this.clock = clock;
        this.time = new ClockTimeMeter(clock);
        this.perEmail = () -> Bandwidth.builder().capacity(emailLimit).refillIntervally(emailLimit, emailWindow).build();
        this.perIp = () -> Bandwidth.builder().capacity(ipLimit).refillIntervally(ipLimit, ipWindow).build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(emailWindow.compareTo(ipWindow) > 0 ? emailWindow : ipWindow)
                .ticker(time::currentTimeNanos)
                .build();
        this.refusals = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofDays(1))
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Whether the attempt may be evaluated; an admitted one holds a token of each bucket until it succeeds. */
    Admission admit(String email, String ip) {
        Bucket byEmail = bucket("email:" + email, perEmail);
        Bucket byIp = bucket("ip:" + ip, perIp);
        ConsumptionProbe emailProbe = byEmail.tryConsumeAndReturnRemaining(1);
        if (!emailProbe.isConsumed()) {
            long ipWait = byIp.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return refused(email, Math.max(emailProbe.getNanosToWaitForRefill(), ipWait));
        }
        ConsumptionProbe ipProbe = byIp.tryConsumeAndReturnRemaining(1);
        if (!ipProbe.isConsumed()) {
            byEmail.addTokens(1);
            return refused(email, ipProbe.getNanosToWaitForRefill());
        }
        return new Admission.Admitted();
    }

    /** The admitted attempt was right: its tokens go back. */
    void succeeded(String email, String ip) {
        bucket("email:" + email, perEmail).addTokens(1);
        bucket("ip:" + ip, perIp).addTokens(1);
    }

    /** The refusals of this email counted since its last recorded entry, now to be recorded with the next one. */
    synchronized int takeUnrecorded(String email) {
        Refusals counted = refusals.getIfPresent(email);
        if (counted == null || counted.unrecorded() == 0) {
            return 0;
        }
        refusals.put(email, new Refusals(counted.recordedUntil(), 0));
        return counted.unrecorded();
    }

    private synchronized Admission.Refused refused(String email, long waitNanos) {
        Duration wait = Duration.ofNanos(waitNanos).plusSeconds(1).withNanos(0);
        Instant now = clock.instant();
        Refusals before = refusals.getIfPresent(email);
        if (before != null && now.isBefore(before.recordedUntil())) {
            refusals.put(email, new Refusals(before.recordedUntil(), before.unrecorded() + 1));
            return new Admission.Refused(wait, Optional.empty());
        }
        Instant until = now.plus(wait);
        refusals.put(email, new Refusals(until, 0));
        return new Admission.Refused(wait, Optional.of(new Block(until, before == null ? 0 : before.unrecorded())));
    }

    private Bucket bucket(String key, Supplier<Bandwidth> limit) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit.get()).withCustomTimePrecision(time).build());
    }

    /** Whether an attempt is evaluated. */
    sealed interface Admission {

        record Admitted() implements Admission {
        }

        /** {@code recorded}: present for the one refusal of a blocked period that goes into the audit log. */
        record Refused(Duration retryAfter, Optional<Block> recorded) implements Admission {
        }
    }

    /** A blocked period's audit entry: when it ends, and the refusals of an earlier one that were only counted. */
    record Block(Instant until, int earlierUnrecorded) {
    }

    /** Refusals of one email: when the recorded block ends, and the refusals since it that were only counted. */
    private record Refusals(Instant recordedUntil, int unrecorded) {
    }
}
