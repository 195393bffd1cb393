package io.cdc4j.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's shape as of a point in the binlog: the columns a row image holds, in order, and its keys.
 *
 * @param tableId cdc4j's stable id of the table (survives renames)
 * @param name schema and table name
 * @param columns the columns, in row-image order
 * @param primaryKey indexes into {@code columns} of the primary key, empty when there is none
 * @param uniqueKey indexes of a NOT NULL unique key usable as a handle, empty when there is none
 * @param uniqueKeys every unique index other than the primary key, nullable columns included, in index-name order
 * @param schema the version of the table's schema the rows were written under (type text, defaults, charsets,
 *               every index), when the upstream's schema store holds it
 */
public record TableInfo(long tableId, TableName name, List<ColumnInfo> columns, List<Integer> primaryKey,
                        List<Integer> uniqueKey, List<UniqueIndex> uniqueKeys, Optional<TableSchema> schema) {
    public TableInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKey = List.copyOf(uniqueKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        for (int index : primaryKey) {
            checkIndex(index, columns.size());
        }
        for (int index : uniqueKey) {
            checkIndex(index, columns.size());
        }
        for (UniqueIndex index : uniqueKeys) {
            for (int column : index.columns()) {
                checkIndex(column, columns.size());
            }
        }
    }

    /** A table whose schema version is not known. */
    public TableInfo(long tableId, TableName name, List<ColumnInfo> columns, List<Integer> primaryKey,
                     List<Integer> uniqueKey, List<UniqueIndex> uniqueKeys) {
        this(tableId, name, columns, primaryKey, uniqueKey, uniqueKeys, Optional.empty());
    }

    /** A table whose only known unique index is its handle key {@code uniqueKey} (if any). */
    public TableInfo(long tableId, TableName name, List<ColumnInfo> columns, List<Integer> primaryKey,
                     List<Integer> uniqueKey) {
        this(tableId, name, columns, primaryKey, uniqueKey,
                uniqueKey.isEmpty() ? List.of() : List.of(UniqueIndex.whole(uniqueKey)));
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

    /**
     * A unique index: the columns it covers and, per column, the length of its prefix (characters for text, bytes
     * for binary) or 0 when the whole value is indexed.
     *
     * @param columns indexes into the table's columns, in key order
     * @param prefixLengths one per column: the indexed prefix length, 0 for the whole value
     */
    public record UniqueIndex(List<Integer> columns, List<Integer> prefixLengths) {
        public UniqueIndex {
            columns = List.copyOf(columns);
            prefixLengths = List.copyOf(prefixLengths);
            if (columns.isEmpty() || columns.size() != prefixLengths.size()) {
                throw new IllegalArgumentException("a unique index needs one prefix length per column: " + columns
                        + " " + prefixLengths);
            }
        }

        /** An index on the whole values of {@code columns}. */
        public static UniqueIndex whole(List<Integer> columns) {
            return new UniqueIndex(columns, columns.stream().map(column -> 0).toList());
        }
    }
}
