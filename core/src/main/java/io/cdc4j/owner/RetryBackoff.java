package io.cdc4j.owner;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** The waits between a failing changefeed's restarts: exponential from an initial interval, capped, with jitter. */
final class RetryBackoff {
    static final Duration MAX_INTERVAL = Duration.ofMinutes(10);
    private static final double JITTER = 0.1;

    private final Duration initial;
    private final RandomGenerator random;

    RetryBackoff(Duration initial, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        this.initial = initial;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait before restart number {@code retry} (1 for the first wait): initial doubled per retry, +-10%. */
    Duration interval(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1: " + retry);
        }
        long base = initial.toNanos();
        long cap = MAX_INTERVAL.toNanos();
        for (int i = 0; i < retry && base < cap; i++) {
            base = Math.min(cap, base * 2);
        }
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        return Duration.ofNanos((long) (base * factor));
    }
}
