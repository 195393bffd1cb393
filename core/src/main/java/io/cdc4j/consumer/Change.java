package io.cdc4j.consumer;

import io.cdc4j.model.RowKind;
import java.util.List;
import java.util.Objects;

/** One event a consumer read from a topic, whatever its protocol: a row change, a DDL statement, or a watermark. */
public sealed interface Change {
    /** The commit ts of a row or DDL; the ts a watermark says everything up to has been sent. */
    long ts();

    /**
     * A row change.
     *
     * @param ts its transaction's commit ts
     * @param schema the database
     * @param table the table
     * @param kind insert, update or delete
     * @param columns the row: the new image, the deleted row for a delete
     * @param keyColumns the columns that identify the row (the primary key), empty when the table has none
     */
    record Row(long ts, String schema, String table, RowKind kind, List<Column> columns, List<String> keyColumns)
            implements Change {
        public Row {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(kind, "kind");
            columns = List.copyOf(columns);
            keyColumns = List.copyOf(keyColumns);
        }
    }

    /**
     * A DDL statement.
     *
     * @param ts its commit ts
     * @param schema the database it ran in (empty when none)
     * @param query the statement
     */
    record Ddl(long ts, String schema, String query) implements Change {
        public Ddl {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * Everything up to {@code ts} has been sent to the partition this came from.
     *
     * @param ts the watermark
     */
    record Watermark(long ts) implements Change {
    }

    /**
     * One column of a row, as text in canal-json's conventions: numbers, temporal values and JSON as their text,
     * BIT, ENUM and SET as their number, binary strings as ISO-8859-1 characters; {@code null} for SQL NULL.
     *
     * @param name the column
     * @param mysqlType its MySQL type name ({@code int}, {@code varbinary}, {@code bigint unsigned} ...)
     * @param value its value, or {@code null}
     */
    record Column(String name, String mysqlType, String value) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mysqlType, "mysqlType");
        }
    }
}
