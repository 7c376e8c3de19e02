package com.qteria.platform;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Bucket4j's time source following the application clock, so that rate limits (sign-in, share links) count in the
 * same time as everything else and tests can move past a window; also a Caffeine ticker through
 * {@link #currentTimeNanos()}.
 */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

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
