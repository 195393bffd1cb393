package io.cdc4j.filter;

import java.util.List;
import java.util.Objects;

/**
 * A changefeed's {@code filter.rules} as TiCDC applies them: no rules means {@code *.*}, system schemas
 * are always excluded, and otherwise the last matching rule decides (see {@link TableRules}).
 * Immutable and thread-safe; callers cache its answers per table, it caches nothing.
 */
public final class TableFilter {

    private static final List<String> ALL_TABLES = List.of("*.*");

    private final TableRules rules;

    private TableFilter(TableRules rules) {
        this.rules = rules;
    }

    /**
     * Builds the filter from {@code filter.rules} and {@code case_sensitive}.
     *
     * @throws io.cdc4j.error.CdcException FILTER_RULE_INVALID naming the first malformed rule
     */
    public static TableFilter of(List<String> rules, boolean caseSensitive) {
        Objects.requireNonNull(rules, "rules");
        return new TableFilter(TableRules.parse(rules.isEmpty() ? ALL_TABLES : rules, caseSensitive));
    }

    /** Whether the table's rows and DDLs are replicated. */
    public boolean matchTable(String schema, String table) {
        return !SystemSchemas.contains(schema) && rules.matchTable(schema, table);
    }

    /** Whether a schema-level DDL (CREATE/DROP DATABASE, ALTER DATABASE) on the schema is replicated. */
    public boolean matchSchema(String schema) {
        return !SystemSchemas.contains(schema) && rules.matchSchema(schema);
    }

    /** The parsed rules behind the filter. */
    public TableRules rules() {
        return rules;
    }
}
