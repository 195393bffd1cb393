package io.cdc4j.bench.workload;

/**
 * What one workload phase wrote.
 *
 * @param name the phase (insert, update, delete, mixed, huge)
 * @param rows binlog row changes it produced
 * @param transactions transactions it committed
 * @param nanos how long writing it took
 */
public record PhaseResult(String name, long rows, long transactions, long nanos) {
    /** Rows written per second. */
    public double rowsPerSecond() {
        return nanos == 0 ? 0 : rows / (nanos / 1e9);
    }
}
