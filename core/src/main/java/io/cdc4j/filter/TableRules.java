package io.cdc4j.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of table-filter rules where the last matching rule decides and no match excludes:
 * TiDB's table filter as such, shared by the changefeed's table filter, event-filter matchers and
 * column-selector matchers (which add no system-schema or default-rule logic of their own).
 */
public final class TableRules {

    private final List<TableRule> rules;
    private final TableRule[] lastFirst;
    private final boolean caseSensitive;

    private TableRules(List<TableRule> rules, boolean caseSensitive) {
        this.rules = List.copyOf(rules);
        List<TableRule> reversed = new ArrayList<>(rules);
        Collections.reverse(reversed);
        this.lastFirst = reversed.toArray(TableRule[]::new);
        this.caseSensitive = caseSensitive;
    }

    /**
     * Parses the rules in order; blank lines and {@code #} comments are skipped.
     *
     * @throws io.cdc4j.error.CdcException FILTER_RULE_INVALID naming the first malformed rule
     */
    public static TableRules parse(List<String> lines, boolean caseSensitive) {
        Objects.requireNonNull(lines, "lines");
        List<TableRule> rules = new ArrayList<>(lines.size());
        for (String line : lines) {
            RuleParser.parse(Objects.requireNonNull(line, "rule"), caseSensitive).ifPresent(rules::add);
        }
        return new TableRules(rules, caseSensitive);
    }

    /** Whether the table is included: the last rule covering it decides, none covering it excludes. */
    public boolean matchTable(String schema, String table) {
        String schemaName = normalize(schema);
        String tableName = normalize(table);
        for (TableRule rule : lastFirst) {
            if (rule.covers(schemaName, tableName)) {
                return rule.include();
            }
        }
        return false;
    }

    /**
     * Whether a schema-level event (CREATE/DROP DATABASE, ALTER DATABASE) is included: the last rule
     * whose schema part matches decides, but an excluding rule only counts when its table part is {@code *}.
     */
    public boolean matchSchema(String schema) {
        String schemaName = normalize(schema);
        for (TableRule rule : lastFirst) {
            if (rule.decidesSchema(schemaName)) {
                return rule.include();
            }
        }
        return false;
    }

    /** The parsed rules in the order written, comments and blank lines left out. */
    public List<TableRule> rules() {
        return rules;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    private String normalize(String name) {
        Objects.requireNonNull(name, "name");
        return caseSensitive ? name : Names.fold(name);
    }
}
