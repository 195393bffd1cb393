package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.MySqlGtid;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.XAPrepareEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import io.cdc4j.upstream.decode.RowsEventBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binlog events built in memory, in the shapes MariaDB and MySQL write them, of one table {@code d.t (id INT)} (or
 * {@code d.t (id INT, v INT)} after {@link #tableMap(int)} with two columns), numbered with consecutive positions
 * from 4.
 */
final class BinlogEvents {
    private static final UUID SERVER_UUID = UUID.fromString("3e11fa47-71ca-11e1-9e33-c80aa9429562");
    private static final long LENGTH = 40;
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, Long> groupStarts = new java.util.HashMap<>();
    private final Map<Long, Long> groupEnds = new java.util.HashMap<>();
    private long lastSequence;
    private long lastQuery;

    private BinlogEvents add(EventType type, long millis, int flags, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setTimestamp(millis);
        header.setServerId(1);
        header.setFlags(flags);
        header.setEventLength(LENGTH);
        header.setNextPosition(end() + LENGTH);
        events.add(new Event(header, data));
        return this;
    }

    long end() {
        return events.isEmpty() ? 4 : ((EventHeaderV4) events.getLast().getHeader()).getNextPosition();
    }

    int size() {
        return events.size();
    }

    long startOf(int index) {
        return ((EventHeaderV4) events.get(index).getHeader()).getPosition();
    }

    /** Where the group of the GTID with this sequence began. */
    long groupStart(long sequence) {
        return groupStarts.get(sequence);
    }

    long endOf(long sequence) {
        return groupEnds.get(sequence);
    }

    long startOfQuery() {
        return lastQuery;
    }

    BinlogEvents mariaGtid(long sequence, long millis, int flags) {
        closeGroup();
        MariadbGtidEventData data = new MariadbGtidEventData();
        data.setSequence(sequence);
        data.setFlags(flags);
        groupStarts.put(sequence, end());
        lastSequence = sequence;
        return add(EventType.MARIADB_GTID, millis, 0, data);
    }

    /** A MySQL 8 GTID event: header time in whole seconds, commit timestamp in microseconds. */
    BinlogEvents mysqlGtid(long sequence, long commitMicros) {
        closeGroup();
        GtidEventData data = new GtidEventData(new MySqlGtid(SERVER_UUID, sequence), (byte) 1, 0, sequence,
                commitMicros, commitMicros, 0, 80_036, 80_036);
        return add(EventType.GTID, commitMicros / 1_000_000 * 1000, 0, data);
    }

    BinlogEvents anonymousGtid(long millis) {
        closeGroup();
        return add(EventType.ANONYMOUS_GTID, millis, 0, null);
    }

    private void closeGroup() {
        if (lastSequence > 0) {
            groupEnds.put(lastSequence, end());
        }
    }

    BinlogEvents query(String sql) {
        QueryEventData data = new QueryEventData();
        data.setSql(sql);
        data.setDatabase("d");
        lastQuery = end();
        return add(EventType.QUERY, 0, 0, data);
    }

    BinlogEvents annotate(String sql) {
        return add(EventType.ANNOTATE_ROWS, 0, 0, null);
    }

    BinlogEvents tableMap() {
        return tableMap("t", 1);
    }

    /** A TABLE_MAP of {@code d.t} with {@code columns} INT columns (id, then v). */
    BinlogEvents tableMap(int columns) {
        return tableMap("t", columns);
    }

    /** A TABLE_MAP of {@code d.<table>} under the same binlog table id, with {@code columns} INT columns. */
    BinlogEvents tableMap(String table, int columns) {
        TableMapEventData data = new TableMapEventData();
        data.setTableId(8);
        data.setDatabase("d");
        data.setTable(table);
        data.setColumnTypes(new byte[columns]);
        java.util.Arrays.fill(data.getColumnTypes(), (byte) 3);
        data.setColumnMetadata(new int[columns]);
        data.setColumnNullability(new BitSet());
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id", "v").subList(0, columns));
        data.setEventMetadata(metadata);
        return add(EventType.TABLE_MAP, 0, 0, data);
    }

    BinlogEvents write(int... ids) {
        return add(EventType.WRITE_ROWS, 0, 0, new RowsEventBytes(8, RowsBodies.ints(8, 1, ids)));
    }

    /** Rows of {@code columns} INT columns, their values in row order. */
    BinlogEvents writeColumns(int columns, int... values) {
        return add(EventType.WRITE_ROWS, 0, 0, new RowsEventBytes(8, RowsBodies.ints(8, columns, values)));
    }

    /** A row of a two-column table with only its first column in the event (binlog_row_image=MINIMAL). */
    BinlogEvents writeMinimal(int id) {
        return add(EventType.WRITE_ROWS, 0, 0, new RowsEventBytes(8, RowsBodies.firstOfTwo(8, id)));
    }

    /** Where the last event added starts. */
    long lastStart() {
        return startOf(events.size() - 1);
    }

    BinlogEvents xid() {
        return add(EventType.XID, 0, 0, new XidEventData());
    }

    BinlogEvents xaPrepare(String gtrid, boolean onePhase) {
        XAPrepareEventData data = new XAPrepareEventData();
        byte[] bytes = gtrid.getBytes(StandardCharsets.UTF_8);
        data.setOnePhase(onePhase);
        data.setFormatID(1);
        data.setGtridLength(bytes.length);
        data.setBqualLength(0);
        data.setData(bytes);
        return add(EventType.XA_PREPARE, 0, 0, data);
    }

    BinlogEvents heartbeat() {
        return add(EventType.HEARTBEAT, 0, 0, null);
    }

    BinlogEvents rotate(String file) {
        RotateEventData data = new RotateEventData();
        data.setBinlogFilename(file);
        data.setBinlogPosition(4);
        return add(EventType.ROTATE, 0, 0, data);
    }

    BinlogEvents bare(EventType type) {
        return add(type, 0, 0, null);
    }

    BinlogEvents bareWithFlags(EventType type, int flags) {
        return add(type, 0, flags, null);
    }

    void feed(TransactionAssembler assembler) throws InterruptedException {
        closeGroup();
        for (Event event : events) {
            assembler.accept(event);
        }
    }

    /** The events from {@code position} on, as a binlog connection started there sends them. */
    void feedFrom(TransactionAssembler assembler, long position) throws InterruptedException {
        for (Event event : events) {
            if (((EventHeaderV4) event.getHeader()).getPosition() >= position) {
                assembler.accept(event);
            }
        }
    }
}

