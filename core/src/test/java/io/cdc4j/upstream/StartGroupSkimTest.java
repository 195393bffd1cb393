package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MySqlGtid;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where the search of a binlog file for a past start stops, over events built in memory in binlog order. */
class StartGroupSkimTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long START = T0 + 10_400;
    private static final UUID SERVER = UUID.fromString("3e11fa47-71ca-11e1-9e33-c80aa9429562");

    /** A file's events with their positions, 100 bytes each, from offset 4. */
    private static final class File {
        final List<Event> events = new ArrayList<>();
        final List<Long> groupStarts = new ArrayList<>();
        long end = 4;

        File add(EventType type, long millis, EventData data) {
            EventHeaderV4 header = new EventHeaderV4();
            header.setEventType(type);
            header.setTimestamp(millis);
            header.setEventLength(100);
            header.setNextPosition(end + 100);
            end += 100;
            events.add(new Event(header, data));
            return this;
        }

        File mariaGroup(long millis) {
            groupStarts.add(end);
            return add(EventType.MARIADB_GTID, millis, null).add(EventType.TABLE_MAP, millis, null)
                    .add(EventType.WRITE_ROWS, millis, null).add(EventType.XID, millis, null);
        }

        File mysqlGroup(long commitMicros) {
            groupStarts.add(end);
            GtidEventData gtid = new GtidEventData(new MySqlGtid(SERVER, groupStarts.size()), (byte) 1, 0, 1,
                    commitMicros, commitMicros, 0, 80_036, 80_036);
            return add(EventType.GTID, commitMicros / 1_000_000 * 1000, gtid).add(EventType.QUERY, 0, null)
                    .add(EventType.EXT_WRITE_ROWS, 0, null).add(EventType.XID, 0, null);
        }

        OptionalLong skim(long endPosition) {
            StartGroupSkim skim = new StartGroupSkim(START, endPosition);
            for (Event event : events) {
                OptionalLong answer = skim.accept(event);
                if (answer.isPresent()) {
                    return answer;
                }
            }
            return OptionalLong.empty();
        }
    }

    private static File withHeader() {
        File file = new File();
        EventHeaderV4 fake = new EventHeaderV4();
        fake.setEventType(EventType.ROTATE);
        fake.setNextPosition(0);
        fake.setEventLength(40);
        file.events.add(new Event(fake, null));
        return file.add(EventType.FORMAT_DESCRIPTION, T0, null).add(EventType.MARIADB_GTID_LIST, T0, null);
    }

    @Test
    void onMariaDbTheFirstGroupOfTheStartsOwnSecondIsWhereTheReaderStarts() {
        File file = withHeader().mariaGroup(T0 + 8_000).mariaGroup(T0 + 9_000).mariaGroup(T0 + 10_000)
                .mariaGroup(T0 + 11_000);
        assertThat(file.skim(Long.MAX_VALUE)).hasValue(file.groupStarts.get(2));
    }

    @Test
    void onMySqlCommitTimestampsTheStartsOwnMillisecondIsKept() {
        File file = withHeader().mysqlGroup((START - 1) * 1000 + 999).mysqlGroup(START * 1000)
                .mysqlGroup(START * 1000 + 1);
        assertThat(file.skim(Long.MAX_VALUE)).hasValue(file.groupStarts.get(1));
    }

    @Test
    void withNoGroupKeptTheSearchEndsAtTheFilesRotateOrItsEnd() {
        File rotated = withHeader().mariaGroup(T0).mariaGroup(T0 + 1_000);
        long rotateAt = rotated.end;
        rotated.add(EventType.ROTATE, T0 + 1_000, null);
        assertThat(rotated.skim(Long.MAX_VALUE)).as("the fake ROTATE at connect settles nothing").hasValue(rotateAt);

        File newest = withHeader().mariaGroup(T0).mariaGroup(T0 + 1_000);
        assertThat(newest.skim(newest.end)).hasValue(newest.end);
    }

    @Test
    void anXaPreparedBeforeTheStartKeepsTheReaderFromStartingAfterIt() {
        File file = withHeader().mariaGroup(T0);
        long prepared = file.end;
        file.groupStarts.add(prepared);
        file.add(EventType.MARIADB_GTID, T0 + 1_000, null).add(EventType.TABLE_MAP, T0, null)
                .add(EventType.WRITE_ROWS, T0, null).add(EventType.QUERY, T0, null).add(EventType.XA_PREPARE, T0, null);
        file.mariaGroup(T0 + 2_000).mariaGroup(T0 + 10_000);
        assertThat(file.skim(Long.MAX_VALUE)).hasValue(prepared);
    }
}
