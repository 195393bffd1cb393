package io.cdc4j.consumer.canal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One canal-json message as a consumer reads it: a row change, a DDL statement, or a TiDB watermark. */
public sealed interface CanalJsonMessage {
    /**
     * A row change.
     *
     * @param type {@code INSERT}, {@code UPDATE} or {@code DELETE}
     * @param schema the database
     * @param table the table
     * @param pkNames the primary key's columns
     * @param data the row (the new image; the deleted row for a DELETE): column name to text, null for SQL NULL
     * @param old for an UPDATE, the old image (all columns, or only the changed ones); empty otherwise
     * @param mysqlTypes each column's MySQL type name
     * @param sqlTypes each column's java.sql.Types code
     * @param commitTs the commit ts, when the TiDB extension is on
     * @param onlyHandleKey {@code _tidb.onlyHandleKey}: the row was too large and holds its handle key alone
     */
    record Row(String type, String schema, String table, List<String> pkNames, Map<String, String> data,
               Optional<Map<String, String>> old, Map<String, String> mysqlTypes, Map<String, Integer> sqlTypes,
               Optional<Long> commitTs, boolean onlyHandleKey) implements CanalJsonMessage {
        public Row {
            Objects.requireNonNull(type, "type");
            pkNames = List.copyOf(pkNames);
        }
    }

    /**
     * A DDL statement.
     *
     * @param type Canal's DDL kind ({@code CREATE}, {@code ALTER}, {@code ERASE} ...)
     * @param schema the database
     * @param table the table, empty for a schema DDL
     * @param query the statement
     * @param commitTs the commit ts, when the TiDB extension is on
     */
    record Ddl(String type, String schema, String table, String query, Optional<Long> commitTs)
            implements CanalJsonMessage {
    }

    /**
     * Everything up to {@code ts} has been sent (TiDB extension only).
     *
     * @param ts the watermark ts
     */
    record Watermark(long ts) implements CanalJsonMessage {
    }
}
