package io.cdc4j.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link BinlogReader}.
 *
 * @param memoryQuotaBytes how many bytes of read events may wait for the sink before the reader stops pulling
 * @param batchRows the most rows in one {@link io.cdc4j.model.RowBatch}
 * @param heartbeat how often an idle upstream sends a heartbeat (drives resolved ts while idle)
 * @param minBackoff first wait before reconnecting
 * @param maxBackoff longest wait between reconnect attempts
 */
public record ReaderOptions(long memoryQuotaBytes, int batchRows, Duration heartbeat, Duration minBackoff,
                            Duration maxBackoff) {
    /** TiCDC's default memory_quota: 1 GiB. */
    public static final long DEFAULT_MEMORY_QUOTA = 1L << 30;

    public ReaderOptions {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (memoryQuotaBytes < 1024) {
            throw new IllegalArgumentException("memory quota below 1 KiB: " + memoryQuotaBytes);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batch rows below 1: " + batchRows);
        }
        if (heartbeat.toMillis() < 1 || minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("bad heartbeat or backoff durations");
        }
    }

    /** The defaults: 1 GiB quota, 1024-row batches, 1 s heartbeat, backoff 0.5 s to 30 s. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MEMORY_QUOTA, 1024, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(30));
    }

    /** These options with another memory quota. */
    public ReaderOptions withMemoryQuota(long bytes) {
        return new ReaderOptions(bytes, batchRows, heartbeat, minBackoff, maxBackoff);
    }
}
