package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Narrowing a past start ts within a binlog file, over a listed file of MariaDB-shaped groups. */
class StartPositionSearchTest {
    private static final String[] GROUP = {"Gtid", "Annotate_rows", "Table_map", "Write_rows_v1", "Xid"};

    /** A binlog file as SHOW BINLOG EVENTS lists it: header events, then one group per given time. */
    private static final class ListedFile {
        final List<BinlogEventRow> events = new ArrayList<>();
        final List<Long> groupStarts = new ArrayList<>();
        final Map<Long, Long> groupMillis = new HashMap<>();
        int pagesRead;
        int clockReads;

        ListedFile(long... times) {
            long position = 4;
            for (String header : new String[] {"Format_desc", "Gtid_list", "Binlog_checkpoint"}) {
                events.add(new BinlogEventRow(position, header, position + 40));
                position += 40;
            }
            for (long millis : times) {
                groupStarts.add(position);
                groupMillis.put(position, millis);
                for (String type : GROUP) {
                    events.add(new BinlogEventRow(position, type, position + 30));
                    position += 30;
                }
            }
        }

        List<BinlogEventRow> page(long from, int limit) {
            pagesRead++;
            int first = 0;
            while (events.get(first).position() != from) {
                first++;
            }
            return List.copyOf(events.subList(first, Math.min(events.size(), first + limit)));
        }

        long millisAt(long position) {
            clockReads++;
            return groupMillis.get(position);
        }

        long narrow(long startMillis, int pageEvents, long slackMillis) {
            return new StartPositionSearch(this::page, this::millisAt, pageEvents, slackMillis).narrow(startMillis);
        }

        /** Where the reader's group-by-group skip from the file's start stops: the first group not certainly before. */
        int firstKept(long startMillis) {
            for (int i = 0; i < groupStarts.size(); i++) {
                if (groupMillis.get(groupStarts.get(i)) + 1000 > startMillis) {
                    return i;
                }
            }
            return groupStarts.size();
        }
    }

    private static long[] seconds(int count) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = 1_000_000_000L + i * 1000L;
        }
        return times;
    }

    @Test
    void stopsAtTheLastGroupOfTheSecondBeforeTheStartsOwnSecond() {
        ListedFile file = new ListedFile(seconds(100));
        long start = 1_000_000_000L + 50_500;
        assertThat(file.narrow(start, 7, 0)).isEqualTo(file.groupStarts.get(49));
        assertThat(file.firstKept(start)).as("the start's own second (group 50) is kept").isEqualTo(50);
    }

    @Test
    void theSlackMovesTheStopEarlierByItsLength() {
        ListedFile file = new ListedFile(seconds(100));
        assertThat(file.narrow(1_000_000_000L + 50_500, 7, 10_000)).isEqualTo(file.groupStarts.get(39));
    }

    @Test
    void aStartBeforeEveryGroupIsTheFilesStartAndAfterEveryGroupItsLastGroup() {
        ListedFile file = new ListedFile(seconds(30));
        assertThat(file.narrow(1_000_000_000L, 7, 0)).isEqualTo(4);
        assertThat(file.narrow(2_000_000_000L, 7, 0)).isEqualTo(file.groupStarts.getLast());
        assertThat(new ListedFile().narrow(2_000_000_000L, 7, 0)).as("a file without groups").isEqualTo(4);
    }

    @Test
    void readsOneTimePerPageUpToTheStartThenSearchesAndStopsListing() {
        ListedFile file = new ListedFile(seconds(10_000));
        long start = 1_000_000_000L + 2_000_500;
        long found = file.narrow(start, 500, 0);
        assertThat(found).isEqualTo(file.groupStarts.get(1999));
        int pagesToStart = 2000 * GROUP.length / 500 + 1;
        assertThat(file.pagesRead).as("pages listed stop at the start's page").isEqualTo(pagesToStart);
        assertThat(file.clockReads).as("one read per page, then a binary search of a page's 100 groups")
                .isLessThanOrEqualTo(pagesToStart + 8);
    }

    @Test
    void withGroupTimesOutOfOrderWithinTheSlackTheReaderKeepsExactlyWhatItWouldFromTheFilesStart() {
        Random random = new Random(12);
        long slack = 5_000;
        for (int round = 0; round < 200; round++) {
            long[] times = seconds(300);
            for (int i = 0; i < times.length; i++) {
                times[i] -= random.nextInt(5) * 1000L;
            }
            ListedFile file = new ListedFile(times);
            long start = 1_000_000_000L + random.nextInt(320_000) - 10_000;
            long found = file.narrow(start, 1 + random.nextInt(40), slack);
            int from = found == 4 ? 0 : file.groupStarts.indexOf(found);
            int kept = file.firstKept(start);
            assertThat(from).as("round %d: the stop is not after the first kept group", round).isLessThanOrEqualTo(kept);
            for (int i = 0; i < from; i++) {
                assertThat(times[i] + 1000).as("round %d: group %d before the stop is certainly before", round, i)
                        .isLessThanOrEqualTo(start);
            }
        }
    }
}
