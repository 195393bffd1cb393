package io.cdc4j.bench.measure;

/**
 * End-to-end lag of one run: time from the row's write (its NOW(6) value) to its arrival at the sink.
 *
 * @param samples rows measured (0: lag not measured in this run)
 * @param p50Millis median lag
 * @param p99Millis 99th percentile lag
 * @param maxMillis largest lag
 */
public record LagSummary(long samples, double p50Millis, double p99Millis, double maxMillis) {
    /** A run that did not measure lag. */
    public static final LagSummary NONE = new LagSummary(0, 0, 0, 0);

    /** Whether lag was measured. */
    public boolean measured() {
        return samples > 0;
    }

    /** The summary of lag samples in microseconds. */
    public static LagSummary ofMicros(Percentiles micros) {
        if (micros.count() == 0) {
            return NONE;
        }
        return new LagSummary(micros.count(), micros.percentile(50) / 1000.0, micros.percentile(99) / 1000.0,
                micros.max() / 1000.0);
    }
}
