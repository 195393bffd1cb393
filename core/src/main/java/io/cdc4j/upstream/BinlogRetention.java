package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.Tso;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Refuses a start ts older than the oldest binlog the upstream keeps (TiCDC's start-ts-before-GC), naming that
 * binlog, its start time and the fix: the changes before it are gone, so nothing could replicate them.
 */
public final class BinlogRetention {
    private BinlogRetention() {
    }

    /**
     * Checks {@code startTs} against the upstream's oldest binlog; {@code probe} is the upstream with a server id that
     * no running reader uses (one short binlog connection reads the oldest file's start time).
     *
     * @throws CdcException START_TS_BEFORE_GC when the start ts precedes the oldest binlog
     */
    public static void require(UpstreamConfig probe, long startTs) {
        try (UpstreamDatabase database = UpstreamDatabase.connect(probe)) {
            require(database.binaryLogs(), new BinlogFileClock(probe)::startMillis, startTs);
        }
    }

    /** As {@link #require(UpstreamConfig, long)}, over the listed files (oldest first) and their start times. */
    static void require(List<String> files, ToLongFunction<String> startMillis, long startTs) {
        if (files.isEmpty()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream lists no binary logs");
        }
        long physical = Tso.physical(startTs);
        long oldest = startMillis.applyAsLong(files.getFirst());
        if (physical < oldest) {
            throw new CdcException(ErrorCode.START_TS_BEFORE_GC, "fail to create or maintain changefeed because"
                    + " start-ts " + startTs + " (" + Instant.ofEpochMilli(physical) + ") is earlier than the oldest"
                    + " binlog the upstream keeps: " + files.getFirst() + " starts at ts " + Tso.compose(oldest, 0)
                    + " (" + Instant.ofEpochMilli(oldest) + "); choose a later start-ts or keep binlogs longer"
                    + " (binlog_expire_logs_seconds)");
        }
    }
}
