package io.cdc4j.model;

import java.util.List;
import java.util.Objects;

/**
 * A table's shape as of a point in the binlog: the columns a row image holds, in order, and its keys.
 *
 * @param tableId cdc4j's stable id of the table (survives renames)
 * @param name schema and table name
 * @param columns the columns, in row-image order
 * @param primaryKey indexes into {@code columns} of the primary key, empty when there is none
 * @param uniqueKey indexes of a NOT NULL unique key usable as a handle, empty when there is none
 */
public record TableInfo(long tableId, TableName name, List<ColumnInfo> columns, List<Integer> primaryKey,
                        List<Integer> uniqueKey) {
    public TableInfo {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKey = List.copyOf(uniqueKey);
        for (int index : primaryKey) {
            checkIndex(index, columns.size());
        }
        for (int index : uniqueKey) {
            checkIndex(index, columns.size());
        }
    }

    private static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("key column index " + index + " outside 0.." + (size - 1));
        }
    }

    /** The position of a column by name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
