package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.Tso;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link StartPoint} into binlog coordinates: the end of the binlog, or the file a past ts falls in. */
final class StartPointFinder {
    private static final Logger LOG = LoggerFactory.getLogger(StartPointFinder.class);

    private final UpstreamDatabase database;
    private final BinlogFileClock fileClock;

    StartPointFinder(UpstreamDatabase database, BinlogFileClock fileClock) {
        this.database = database;
        this.fileClock = fileClock;
    }

    ResumePoint find(StartPoint start) {
        return switch (start) {
            case StartPoint.AtPosition at -> new ResumePoint(at.position(), -1);
            case StartPoint.Now now -> {
                BinlogCoordinates end = database.binlogEnd();
                long nowMillis = database.nowMillis();
                yield new ResumePoint(new ReaderPosition(end.file(), Math.max(4, end.position()), currentGtids(),
                        nowMillis, 0), -1);
            }
            case StartPoint.AtTs at -> atTs(at.startTs());
        };
    }

    private ResumePoint atTs(long startTs) {
        long startMillis = Tso.physical(startTs);
        List<String> files = database.binaryLogs();
        if (files.isEmpty()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream lists no binary logs");
        }
        long oldest = fileClock.startMillis(files.getFirst());
        if (startMillis < oldest) {
            throw new CdcException(ErrorCode.START_TS_BEFORE_GC, "fail to create or maintain changefeed because"
                    + " start-ts " + startTs + " (" + Instant.ofEpochMilli(startMillis) + ") is earlier than the oldest"
                    + " binlog the upstream keeps: " + files.getFirst() + " starts at ts " + Tso.compose(oldest, 0)
                    + " (" + Instant.ofEpochMilli(oldest) + "); choose a later start-ts or keep binlogs longer"
                    + " (binlog_expire_logs_seconds)");
        }
        int low = 0;
        int high = files.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (fileClock.startMillis(files.get(middle)) <= startMillis) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        String file = files.get(low);
        LOG.info("start-ts {} ({}) falls in binlog {}: scanning it from its start", startTs,
                Instant.ofEpochMilli(startMillis), file);
        return new ResumePoint(new ReaderPosition(file, 4, "", startMillis, Tso.logical(startTs)), startMillis);
    }

    private String currentGtids() {
        return database.variable("gtid_current_pos").or(() -> database.variable("gtid_executed")).orElse("");
    }
}
