package io.cdc4j.upstream.decode;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What TABLE_MAP metadata does not tell about a table and {@code information_schema} does: which columns
 * are MariaDB JSON (a LONGTEXT in the binlog) and a NOT NULL unique key.
 *
 * @param jsonColumns lower-case names of JSON columns
 * @param uniqueKeyColumns names of the columns of a NOT NULL unique key, in key order; empty if none
 */
public record ColumnHints(Set<String> jsonColumns, List<String> uniqueKeyColumns) {
    /** No hints: the table is unknown to information_schema (e.g. dropped since). */
    public static final ColumnHints NONE = new ColumnHints(Set.of(), List.of());

    public ColumnHints {
        jsonColumns = jsonColumns.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        uniqueKeyColumns = List.copyOf(uniqueKeyColumns);
    }

    /** Whether the named column is JSON. */
    public boolean isJson(String column) {
        return jsonColumns.contains(column.toLowerCase(Locale.ROOT));
    }
}
