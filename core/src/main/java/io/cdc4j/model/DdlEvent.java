package io.cdc4j.model;

import java.util.List;
import java.util.Objects;

/**
 * A DDL statement read from the binlog.
 *
 * @param schema the default schema the statement ran in (may be empty)
 * @param tables the tables it touches, in statement order (a rename lists old, new, old, new ...)
 * @param type its kind
 * @param query the statement text
 * @param commitTs its commit ts
 */
public record DdlEvent(String schema, List<TableName> tables, DdlType type, String query, long commitTs)
        implements ChangeEvent {
    public DdlEvent {
        Objects.requireNonNull(schema, "schema");
        tables = List.copyOf(tables);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
    }

    @Override
    public long ts() {
        return commitTs;
    }
}
