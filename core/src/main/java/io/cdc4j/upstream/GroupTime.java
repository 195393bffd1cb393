package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.GtidEventData;

/**
 * When a binlog group committed, as finely as the binlog tells: event headers have whole seconds (MariaDB, and
 * MySQL without a commit timestamp), MySQL 8's GTID event has the commit time in microseconds, kept to the
 * millisecond of a ts. The reader and the start-point search both skip a group before a start ts only when it is
 * certainly before it, so the start's own second (or millisecond) is kept: replaying beats losing.
 *
 * @param millis the commit time in ms since the epoch
 * @param resolutionMillis how coarse {@code millis} is
 */
record GroupTime(long millis, long resolutionMillis) {
    private static final long HEADER_RESOLUTION_MILLIS = 1000;

    /** The time of a group known only by its event header. */
    static GroupTime ofHeader(EventHeaderV4 header) {
        return new GroupTime(header.getTimestamp(), HEADER_RESOLUTION_MILLIS);
    }

    /** The time of a MySQL group: its GTID event's commit timestamp, or its header's when it has none. */
    static GroupTime ofGtid(GtidEventData gtid, EventHeaderV4 header) {
        long micros = gtid.getImmediateCommitTimestamp();
        return micros > 0 ? new GroupTime(micros / 1000, 1) : ofHeader(header);
    }

    /** Whether the group certainly committed before {@code startMillis}. */
    boolean certainlyBefore(long startMillis) {
        return millis + resolutionMillis <= startMillis;
    }
}
