package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AnnotateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.BinlogCheckpointEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.IntVarEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidListEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.PreviousGtidSetDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RowsQueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XAPrepareEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the binlog event deserializer cdc4j reads with: rows events framed, not decoded (their cells are read
 * later by {@link BinlogRowReader}, strings decoded with the column charset and {@link TemporalCells} for the
 * temporal types the library gets wrong); the other events as the library reads them.
 */
public final class EventDeserializers {
    private EventDeserializers() {
    }

    /**
     * A new deserializer; each binlog connection needs its own (it caches TABLE_MAP events). Rows events are
     * only framed ({@link RowsEventFramer}): their cells are decoded later by {@link BinlogRowReader}.
     */
    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Map<EventType, EventDataDeserializer> readers = new EnumMap<>(EventType.class);
        readers.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        readers.put(EventType.ROTATE, new RotateEventDataDeserializer());
        readers.put(EventType.INTVAR, new IntVarEventDataDeserializer());
        readers.put(EventType.QUERY, new QueryEventDataDeserializer());
        readers.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        readers.put(EventType.XID, new XidEventDataDeserializer());
        readers.put(EventType.ROWS_QUERY, new RowsQueryEventDataDeserializer());
        readers.put(EventType.GTID, new GtidEventDataDeserializer());
        readers.put(EventType.PREVIOUS_GTIDS, new PreviousGtidSetDeserializer());
        readers.put(EventType.XA_PREPARE, new XAPrepareEventDataDeserializer());
        readers.put(EventType.ANNOTATE_ROWS, new AnnotateRowsEventDataDeserializer());
        readers.put(EventType.BINLOG_CHECKPOINT, new BinlogCheckpointEventDataDeserializer());
        readers.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        readers.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        RowsEventFramer framer = new RowsEventFramer();
        for (EventType type : ROWS_TYPES) {
            readers.put(type, framer);
        }
        return configured(new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(),
                readers, tableMaps));
    }

    /** The rows event types, every version: written by the binlog thread as {@link RowsEventBytes}. */
    public static final List<EventType> ROWS_TYPES = List.of(EventType.WRITE_ROWS, EventType.PRE_GA_WRITE_ROWS,
            EventType.EXT_WRITE_ROWS, EventType.UPDATE_ROWS, EventType.PRE_GA_UPDATE_ROWS,
            EventType.EXT_UPDATE_ROWS, EventType.DELETE_ROWS, EventType.PRE_GA_DELETE_ROWS,
            EventType.EXT_DELETE_ROWS);

    private static EventDeserializer configured(EventDeserializer deserializer) {
        deserializer.setCompatibilityMode(CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return deserializer;
    }
}
