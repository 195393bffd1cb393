package io.cdc4j.config;

/** The {@code scheduler} section: whether one table may be split across captures, and the split thresholds. */
public record SchedulerConfig(boolean enableTableAcrossNodes, int regionThreshold, int writeKeyThreshold) {
    /** TiCDC's default: no splitting, region threshold 100000, write-key threshold 0. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(false, 100_000, 0);
    }
}
