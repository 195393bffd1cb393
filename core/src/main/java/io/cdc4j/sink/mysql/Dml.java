package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import java.util.Objects;

/**
 * One DML statement with its arguments in placeholder order: the values ({@code null} is SQL NULL, the JDBC view)
 * and the column each value belongs to, which decides how it is bound.
 */
record Dml(String sql, Object[] values, ColumnInfo[] columns, int rows) {
    Dml {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(columns, "columns");
        if (values.length != columns.length) {
            throw new IllegalArgumentException(values.length + " values for " + columns.length + " columns");
        }
    }
}
