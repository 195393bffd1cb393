package io.cdc4j.upstream;

import java.util.List;

/**
 * Narrows where in one binlog file a past start ts falls before the reader connects, so the reader does not
 * deserialise every event of the file before it. The server lists the file's events a page at a time
 * ({@code SHOW BINLOG EVENTS}: it walks the file itself and sends only each event's position and type), and a short
 * binlog connection reads the time of a group start: one such read per page up to the start, then a binary search
 * among the group starts of the page it falls in.
 *
 * <p>Group times are not quite in binlog order (MariaDB stamps a group with its statement's start time, so a
 * statement that ran long is older than the groups committed while it ran): the search stops at a group that is
 * before the start by more than {@link #DISORDER_SLACK_MILLIS} plus the second of MariaDB's resolution, and the
 * reader skips from there, group by group, exactly as it would from the file's start, as long as no statement
 * committed more than that slack after its start.
 */
final class StartPositionSearch {
    /** How far group times may run out of binlog order. */
    static final long DISORDER_SLACK_MILLIS = 60_000;
    static final int PAGE_EVENTS = 10_000;
    private static final long FILE_START = 4;

    /** Up to {@code limit} events from the event at {@code from}, in binlog order. */
    @FunctionalInterface
    interface EventPages {
        List<BinlogEventRow> page(long from, int limit);
    }

    /** The binlog time in ms of the group that begins at {@code position}. */
    @FunctionalInterface
    interface GroupClock {
        long millisAt(long position);
    }

    private final EventPages events;
    private final GroupClock clock;
    private final int pageEvents;
    private final long slackMillis;

    StartPositionSearch(EventPages events, GroupClock clock, int pageEvents, long slackMillis) {
        if (pageEvents < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageEvents);
        }
        this.events = events;
        this.clock = clock;
        this.pageEvents = pageEvents;
        this.slackMillis = slackMillis;
    }

    /**
     * The position of a group start whose group, and every group before it, precede {@code startMillis} by more than
     * the second of resolution plus the slack; the file's start when no group does.
     */
    long narrow(long startMillis) {
        long latestBefore = startMillis - 1000 - slackMillis;
        long found = FILE_START;
        long from = FILE_START;
        while (true) {
            List<BinlogEventRow> page = events.page(from, pageEvents);
            List<Long> starts = page.stream().filter(BinlogEventRow::beginsGroup).map(BinlogEventRow::position)
                    .toList();
            if (!starts.isEmpty()) {
                if (clock.millisAt(starts.getLast()) > latestBefore) {
                    return lastBefore(starts, found, latestBefore);
                }
                found = starts.getLast();
            }
            if (page.size() < pageEvents) {
                return found;
            }
            from = page.getLast().endPosition();
        }
    }

    /** Binary search among {@code starts}, whose last one is not before: the last that is, else {@code found}. */
    private long lastBefore(List<Long> starts, long found, long latestBefore) {
        int before = -1;
        int after = starts.size() - 1;
        while (after - before > 1) {
            int middle = (before + after) >>> 1;
            if (clock.millisAt(starts.get(middle)) <= latestBefore) {
                before = middle;
            } else {
                after = middle;
            }
        }
        return before < 0 ? found : starts.get(before);
    }
}
