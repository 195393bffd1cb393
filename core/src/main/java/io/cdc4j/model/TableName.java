package io.cdc4j.model;

import java.util.Objects;

/** A schema-qualified table name. */
public record TableName(String schema, String table) {
    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("empty table name");
        }
    }

    @Override
    public String toString() {
        return "`" + schema.replace("`", "``") + "`.`" + table.replace("`", "``") + "`";
    }
}
