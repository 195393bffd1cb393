package io.cdc4j.upstream.decode;

import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What TABLE_MAP metadata does not tell about a table and {@code information_schema} does: which columns are
 * MariaDB JSON (a LONGTEXT in the binlog), which are generated, and the unique indexes.
 *
 * @param jsonColumns lower-case names of JSON columns
 * @param generatedColumns lower-case names of generated (VIRTUAL or STORED) columns
 * @param uniqueIndexes the unique indexes other than the primary key, in index-name order
 * @param schema the table version the hints come from, when they come from the schema store
 * @param checked whether that version is known to be the one in force where the rows are read (then a TABLE_MAP that
 *                disagrees with it is an error, not a table changed since)
 */
public record ColumnHints(Set<String> jsonColumns, Set<String> generatedColumns, List<Index> uniqueIndexes,
                          Optional<TableSchema> schema, boolean checked) {
    /** No hints: the table is unknown to information_schema (e.g. dropped since). */
    public static final ColumnHints NONE = new ColumnHints(Set.of(), Set.of(), List.of());

    public ColumnHints {
        jsonColumns = lowerCase(jsonColumns);
        generatedColumns = lowerCase(generatedColumns);
        uniqueIndexes = List.copyOf(uniqueIndexes);
        Objects.requireNonNull(schema, "schema");
        if (checked && schema.isEmpty()) {
            throw new IllegalArgumentException("only hints from a table version can be checked");
        }
    }

    /** Hints read from information_schema, without a table version. */
    public ColumnHints(Set<String> jsonColumns, Set<String> generatedColumns, List<Index> uniqueIndexes) {
        this(jsonColumns, generatedColumns, uniqueIndexes, Optional.empty(), false);
    }

    /** Hints with JSON columns and one NOT NULL unique key (empty: none), no generated columns. */
    public ColumnHints(Set<String> jsonColumns, List<String> uniqueKeyColumns) {
        this(jsonColumns, Set.of(), uniqueKeyColumns.isEmpty() ? List.of()
                : List.of(new Index("unique_key", uniqueKeyColumns, uniqueKeyColumns.stream().map(c -> 0).toList(),
                        false)));
    }

    /**
     * The hints a table version gives: its JSON and generated columns and its unique keys, by index name; {@code
     * checked} when the version is known to be in force where the rows are read.
     */
    public static ColumnHints of(TableSchema table, boolean checked) {
        Set<String> json = table.columns().stream().filter(ColumnSchema::json).map(ColumnSchema::name)
                .collect(Collectors.toSet());
        Set<String> generated = table.columns().stream().filter(ColumnSchema::generated).map(ColumnSchema::name)
                .collect(Collectors.toSet());
        List<Index> unique = table.uniqueKeys().stream()
                .sorted(Comparator.comparing(IndexSchema::name))
                .map(index -> new Index(index.name(), index.columns(), index.prefixLengths(), index.columns().stream()
                        .anyMatch(column -> table.column(column).map(ColumnSchema::nullable).orElse(true))))
                .toList();
        return new ColumnHints(json, generated, unique, Optional.of(table), checked);
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the named column is JSON. */
    public boolean isJson(String column) {
        return jsonColumns.contains(column.toLowerCase(Locale.ROOT));
    }

    /** Whether the named column is generated. */
    public boolean isGenerated(String column) {
        return generatedColumns.contains(column.toLowerCase(Locale.ROOT));
    }

    /** The columns of the first unique index whose columns are all NOT NULL (a handle key); empty if none. */
    public List<String> uniqueKeyColumns() {
        return uniqueIndexes.stream().filter(index -> !index.nullable()).findFirst().map(Index::columns)
                .orElse(List.of());
    }

    /**
     * One unique index as information_schema.STATISTICS lists it.
     *
     * @param name the index name
     * @param columns the column names, in key order
     * @param prefixLengths per column, the indexed prefix (SUB_PART) or 0 for the whole value
     * @param nullable whether any of its columns accepts NULL
     */
    public record Index(String name, List<String> columns, List<Integer> prefixLengths, boolean nullable) {
        public Index {
            columns = List.copyOf(columns);
            prefixLengths = List.copyOf(prefixLengths);
            if (columns.isEmpty() || columns.size() != prefixLengths.size()) {
                throw new IllegalArgumentException("index " + name + " needs one prefix length per column");
            }
        }
    }
}
