package io.cdc4j.upstream;

import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.Tso;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link StartPoint} into binlog coordinates: the end of the binlog, or, for a past ts, the file it falls in
 * (binary search by the files' start times) and the first group in that file not before it (see
 * {@link StartGroupSkim}).
 */
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
                BinlogEnd end = database.binlogEndWithGtids();
                yield new ResumePoint(end.startingAfter(Tso.compose(database.nowMillis(), 0)), -1);
            }
            case StartPoint.AtTs at -> atTs(at.startTs());
        };
    }

    private ResumePoint atTs(long startTs) {
        long startMillis = Tso.physical(startTs);
        List<String> files = database.binaryLogs();
        BinlogRetention.require(files, fileClock::startMillis, startTs);
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
        long position = StartGroupSkim.find(fileClock.config(), file, startMillis, database.binaryLogSize(file));
        String gtids = position == 4 ? ""
                : database.gtidPositionAt(new BinlogCoordinates(file, position)).orElse("");
        LOG.info("start-ts {} ({}) falls in binlog {}: reading it from {}", startTs, Instant.ofEpochMilli(startMillis),
                file, position);
        return new ResumePoint(new ReaderPosition(file, position, gtids, startMillis, Tso.logical(startTs)),
                startMillis);
    }
}
