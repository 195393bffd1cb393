package io.cdc4j.owner;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the owner runs: its tick interval, the clock its retry bookkeeping reads, and the first retry wait (TiCDC: 10 s);
 * tests shorten the waits and move the clock.
 */
public record OwnerSettings(Duration tickInterval, Clock clock, Duration initialBackoff) {
    public OwnerSettings {
        Objects.requireNonNull(tickInterval, "tickInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tick interval must be positive: " + tickInterval);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initialBackoff);
        }
    }

    /** TiCDC's timings on the system clock, ticking every {@code tickInterval}. */
    public static OwnerSettings standard(Duration tickInterval) {
        return new OwnerSettings(tickInterval, Clock.systemUTC(), Duration.ofSeconds(10));
    }
}
