package io.cdc4j.filter;

import java.util.Objects;

/** One parsed {@code [!]schema.table} rule: which names it covers and whether a hit includes or excludes them. */
public record TableRule(String text, NamePattern schema, NamePattern table, boolean include) {

    public TableRule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /** Whether the rule covers the table; names lower-cased already when the rules are case-insensitive. */
    public boolean covers(String schemaName, String tableName) {
        return schema.matches(schemaName) && table.matches(tableName);
    }

    /**
     * Whether the rule decides about the schema as a whole: its schema part matches and it either
     * includes, or excludes with a table part that is exactly {@code *}.
     */
    public boolean decidesSchema(String schemaName) {
        return schema.matches(schemaName) && (include || table.matchesEverything());
    }
}
