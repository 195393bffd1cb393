package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.cdc4j.upstream.decode.BinlogRowReader;
import io.cdc4j.upstream.decode.DecodedTable;
import java.util.Arrays;

/**
 * A TABLE_MAP as the binlog thread keeps it while the server sends the same mapping again: the rows events after
 * it are framed and later decoded under it (a DDL may re-map the same binlog table id to another shape). A table
 * no filter wants has no decoded form ({@link #dropped}): its rows are dropped unread.
 */
record MappedTable(TableMapEventData map, DecodedTable table, BinlogRowReader reader) {
    /** A table whose rows are read: its decoded form and its rows' reader. */
    static MappedTable of(TableMapEventData map, DecodedTable table) {
        return new MappedTable(map, table, new BinlogRowReader(map, table));
    }

    /** A table whose rows nobody replicates. */
    static MappedTable dropped(TableMapEventData map) {
        return new MappedTable(map, null, null);
    }

    boolean isDropped() {
        return table == null;
    }

    boolean matches(TableMapEventData other) {
        return map.getDatabase().equals(other.getDatabase()) && map.getTable().equals(other.getTable())
                && Arrays.equals(map.getColumnTypes(), other.getColumnTypes())
                && Arrays.equals(map.getColumnMetadata(), other.getColumnMetadata())
                && map.getColumnNullability().equals(other.getColumnNullability())
                && map.getEventMetadata() != null && other.getEventMetadata() != null
                && map.getEventMetadata().getColumnNames().equals(other.getEventMetadata().getColumnNames());
    }
}
