package io.cdc4j.bench.workload;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a loop at a fixed number of ticks per second against a schedule fixed at the start, so a slow tick is
 * caught up by the next ones instead of lowering the rate.
 */
public final class RatePacer {
    private final long intervalNanos;
    private final long startNanos;
    private long ticks;

    /** A pacer of {@code ticksPerSecond}, starting now. */
    public RatePacer(double ticksPerSecond) {
        if (!(ticksPerSecond > 0)) {
            throw new IllegalArgumentException("ticks per second must be positive: " + ticksPerSecond);
        }
        this.intervalNanos = Math.max(1, Math.round(1e9 / ticksPerSecond));
        this.startNanos = System.nanoTime();
    }

    /** Waits for the next tick's time (returns at once when behind schedule). */
    public void awaitNextTick() {
        long due = startNanos + ticks * intervalNanos;
        ticks++;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
