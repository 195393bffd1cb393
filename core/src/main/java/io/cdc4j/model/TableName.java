package io.cdc4j.model;

import java.util.Objects;

/** A schema-qualified table name, with the upstream's numeric table id. */
public record TableName(String schema, String table, long tableId) {
    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (schema.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException("schema and table must be non-empty: " + schema + "." + table);
        }
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
