package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.LagSummary;
import io.cdc4j.bench.measure.MemoryFigures;
import java.util.Objects;

/**
 * What one run of one target measured, handed from the target's JVM to the benchmark's as JSON.
 *
 * @param target the target's name
 * @param mode {@code cold} (read the whole workload's binlog from its start), {@code memory} (the same, measuring the
 *        live set with forced full GCs) or {@code lag} (follow a steady write rate)
 * @param expectedRows rows the binlog range holds
 * @param rows rows that arrived
 * @param seconds from the start of the run (before connecting) to the last row
 * @param secondsToFirstRow from the start of the run to the first row
 * @param memory the JVM's peak memory
 * @param lag end-to-end lag, when measured
 * @param error why the run failed, empty when it did not
 */
public record TargetResult(String target, String mode, long expectedRows, long rows, double seconds,
                           double secondsToFirstRow, MemoryFigures memory, LagSummary lag, String error) {
    public TargetResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(error, "error");
    }

    /** Whether every expected row arrived and nothing failed. */
    public boolean complete() {
        return error.isEmpty() && rows == expectedRows;
    }

    /** Rows per second over the whole run, start-up included. */
    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /** Rows per second from the first row to the last: throughput with start-up (connecting, class loading) left out. */
    public double rowsPerSecondAfterFirstRow() {
        double reading = seconds - secondsToFirstRow;
        return reading <= 0 ? 0 : rows / reading;
    }

    /** Binlog megabytes (10^6 bytes) per second over the whole run, for a range of {@code binlogBytes}. */
    public double megabytesPerSecond(long binlogBytes) {
        return seconds <= 0 ? 0 : binlogBytes / 1e6 / seconds;
    }
}
