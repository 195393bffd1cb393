package io.cdc4j.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a table's schema: its columns in order, its indexes, and its default charset and collation, as
 * the DDL that made the version defines them.
 */
public record TableSchema(TableName name, List<ColumnSchema> columns, List<IndexSchema> indexes,
                          Optional<String> charset, Optional<String> collation) {
    public TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
    }

    /** The column of that name (names compare without case, as MySQL's do). */
    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The index of that name (names compare without case). */
    public Optional<IndexSchema> index(String indexName) {
        return indexes.stream().filter(index -> index.name().equalsIgnoreCase(indexName)).findFirst();
    }

    /** The primary key, when there is one. */
    public Optional<IndexSchema> primaryKey() {
        return indexes.stream().filter(IndexSchema::primary).findFirst();
    }

    /** The unique indexes other than the primary key, in the order they were defined. */
    public List<IndexSchema> uniqueKeys() {
        return indexes.stream().filter(index -> index.unique() && !index.primary()).toList();
    }

    /** Whether the column's type is JSON (MariaDB writes it as a LONGTEXT in the binlog). */
    public boolean isJson(String columnName) {
        return column(columnName).map(ColumnSchema::json).orElse(false);
    }
}
