package io.cdc4j.upstream;

import io.cdc4j.model.TableName;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Tuning of a {@link BinlogReader}.
 *
 * @param memoryQuotaBytes how many bytes of read events may wait for the sink before the reader stops pulling
 * @param batchRows the most rows in one {@link io.cdc4j.model.RowBatch}
 * @param heartbeat how often an idle upstream sends a heartbeat (drives resolved ts while idle)
 * @param minBackoff first wait before reconnecting
 * @param maxBackoff longest wait between reconnect attempts
 * @param silenceTimeout how long the connection may bring neither an event nor a heartbeat before the reader takes
 *                       it for dead (a host gone, a NAT or firewall dropping the flow) and reconnects; above
 *                       {@code heartbeat}
 * @param probeServerId the server id of the short binlog connections that find a start point by time; empty to
 *                      use the reader's own id (the probe ends before the reader connects)
 * @param tables the tables whose rows are read: the rows of any other are dropped at their TABLE_MAP, before
 *               decoding (their DDL, transactions and commits are handed on as ever); name rules only, so a sink
 *               may still drop more after decoding
 * @param tableIds the tables whose rows are read, by table id: the rows of any other are dropped as those of
 *                 {@code tables}; a processor holding a share of a changefeed's tables reads only them
 * @param prefetcher told of parts of rows to decode ahead of the dispatch thread (as they are sealed while the
 *                   buffer is nearly empty, else a few ahead of the dispatch thread)
 */
public record ReaderOptions(long memoryQuotaBytes, int batchRows, Duration heartbeat, Duration minBackoff,
                            Duration maxBackoff, Duration silenceTimeout, OptionalLong probeServerId,
                            Predicate<TableName> tables, LongPredicate tableIds, PartPrefetcher prefetcher) {
    /** TiCDC's default memory_quota: 1 GiB. */
    public static final long DEFAULT_MEMORY_QUOTA = 1L << 30;
    /** The shortest default silence bound, whatever the heartbeat. */
    private static final Duration MIN_SILENCE = Duration.ofSeconds(5);

    public ReaderOptions {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        Objects.requireNonNull(probeServerId, "probeServerId");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(tableIds, "tableIds");
        Objects.requireNonNull(prefetcher, "prefetcher");
        if (memoryQuotaBytes < 1024) {
            throw new IllegalArgumentException("memory quota below 1 KiB: " + memoryQuotaBytes);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batch rows below 1: " + batchRows);
        }
        if (heartbeat.toMillis() < 1 || minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("bad heartbeat or backoff durations");
        }
        if (silenceTimeout.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("the silence timeout " + silenceTimeout + " must exceed the heartbeat "
                    + heartbeat);
        }
    }

    /**
     * The defaults: 1 GiB quota, 1024-row batches, 1 s heartbeat, backoff 0.5 s to 30 s, 5 s silence bound, every
     * table's rows, decoded by the dispatch thread.
     */
    public static ReaderOptions defaults() {
        Duration heartbeat = Duration.ofSeconds(1);
        return new ReaderOptions(DEFAULT_MEMORY_QUOTA, 1024, heartbeat, Duration.ofMillis(500),
                Duration.ofSeconds(30), silenceFor(heartbeat), OptionalLong.empty(), name -> true,
                id -> true, PartPrefetcher.NONE);
    }

    /** The silence bound for a heartbeat: three heartbeats missed, and never below 5 s. */
    public static Duration silenceFor(Duration heartbeat) {
        Duration threeBeats = heartbeat.multipliedBy(3);
        return threeBeats.compareTo(MIN_SILENCE) < 0 ? MIN_SILENCE : threeBeats;
    }

    /** These options with another memory quota. */
    public ReaderOptions withMemoryQuota(long bytes) {
        return new ReaderOptions(bytes, batchRows, heartbeat, minBackoff, maxBackoff, silenceTimeout, probeServerId,
                tables, tableIds, prefetcher);
    }

    /** These options with another heartbeat and silence bound. */
    public ReaderOptions withHeartbeat(Duration newHeartbeat, Duration newSilenceTimeout) {
        return new ReaderOptions(memoryQuotaBytes, batchRows, newHeartbeat, minBackoff, maxBackoff, newSilenceTimeout,
                probeServerId, tables, tableIds, prefetcher);
    }

    /** These options with the start-point probe under server id {@code id}. */
    public ReaderOptions withProbeServerId(long id) {
        return new ReaderOptions(memoryQuotaBytes, batchRows, heartbeat, minBackoff, maxBackoff, silenceTimeout,
                OptionalLong.of(id), tables, tableIds, prefetcher);
    }

    /** These options reading the rows of the tables {@code wanted} accepts only. */
    public ReaderOptions withTables(Predicate<TableName> wanted) {
        return new ReaderOptions(memoryQuotaBytes, batchRows, heartbeat, minBackoff, maxBackoff, silenceTimeout,
                probeServerId, wanted, tableIds, prefetcher);
    }

    /** These options reading the rows of the tables whose id {@code wanted} accepts only. */
    public ReaderOptions withTableIds(LongPredicate wanted) {
        return new ReaderOptions(memoryQuotaBytes, batchRows, heartbeat, minBackoff, maxBackoff, silenceTimeout,
                probeServerId, tables, wanted, prefetcher);
    }

    /** These options offering each sealed part of rows to {@code parts}. */
    public ReaderOptions withPrefetcher(PartPrefetcher parts) {
        return new ReaderOptions(memoryQuotaBytes, batchRows, heartbeat, minBackoff, maxBackoff, silenceTimeout,
                probeServerId, tables, tableIds, parts);
    }
}
