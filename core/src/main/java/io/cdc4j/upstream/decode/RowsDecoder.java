package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the cells of a framed rows event ({@link RowsEventBytes}) with the binlog library's row readers, set up
 * as {@link EventDeserializers} sets them up for reading. One per thread ({@link #current}): its readers look the
 * table up in a map of their own, filled with the TABLE_MAP the event was framed under.
 */
public final class RowsDecoder {
    private static final ThreadLocal<RowsDecoder> CURRENT = ThreadLocal.withInitial(RowsDecoder::new);

    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private final EventDeserializer readers;

    private RowsDecoder() {
        this.readers = EventDeserializers.cellReaders(tableMaps);
    }

    /** The calling thread's decoder. */
    public static RowsDecoder current() {
        return CURRENT.get();
    }

    /** Receives the decoded rows of an event, in order: an insert has no before image, a delete no after image. */
    @FunctionalInterface
    public interface RowConsumer {
        void row(Serializable[] before, Serializable[] after);
    }

    /**
     * Decodes every row of {@code body}, a rows event of {@code type} framed under {@code map}.
     *
     * @throws IOException when the bytes do not decode as rows of that table
     */
    public void decode(EventType type, byte[] body, TableMapEventData map, RowConsumer rows) throws IOException {
        long tableId = RowsEventBytes.tableIdOf(body);
        tableMaps.clear();
        tableMaps.put(tableId, map);
        EventDataDeserializer<?> reader = readers.getEventDataDeserializer(type);
        Object data = reader.deserialize(new ByteArrayInputStream(body));
        switch (data) {
            case WriteRowsEventData write -> {
                for (Serializable[] row : write.getRows()) {
                    rows.row(null, row);
                }
            }
            case UpdateRowsEventData update -> {
                for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
                    rows.row(row.getKey(), row.getValue());
                }
            }
            case DeleteRowsEventData delete -> {
                for (Serializable[] row : delete.getRows()) {
                    rows.row(row, null);
                }
            }
            default -> throw new IOException("a " + type + " event is not a rows event");
        }
    }
}
