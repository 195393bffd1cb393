package io.cdc4j.upstream;

import io.cdc4j.model.TableName;
import java.util.Locale;

/**
 * How the upstream tells schema and table names apart, from its {@code lower_case_table_names}: exactly
 * ({@code 0}, the default on Linux, where {@code d.Foo} and {@code d.foo} are two tables) or folded to lower
 * case ({@code 1}: stored lower-case; {@code 2}: stored as given, compared lower-case).
 */
public enum TableNameCase {
    /** Names differing only in case are different objects. */
    EXACT,
    /** Names differing only in case are the same object. */
    FOLDED;

    /** The rule for a value of {@code lower_case_table_names}; a server without the variable compares exactly. */
    public static TableNameCase of(String lowerCaseTableNames) {
        return switch (lowerCaseTableNames.trim()) {
            case "1", "2" -> FOLDED;
            default -> EXACT;
        };
    }

    /** The rule the upstream behind {@code database} follows. */
    public static TableNameCase of(UpstreamDatabase database) {
        return database.variable("lower_case_table_names").map(TableNameCase::of).orElse(EXACT);
    }

    /** The name as this rule compares it: equal keys name the same table. */
    public TableName key(TableName table) {
        return this == EXACT ? table : new TableName(fold(table.schema()), fold(table.table()));
    }

    /** The schema name as this rule compares it. */
    public String key(String schema) {
        return this == EXACT ? schema : fold(schema);
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
