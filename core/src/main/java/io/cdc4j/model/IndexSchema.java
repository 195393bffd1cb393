package io.cdc4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One index of a table version.
 *
 * @param name the index name ({@code PRIMARY} for the primary key)
 * @param columns the indexed column names, in key order
 * @param prefixLengths per column, the indexed prefix ({@code KEY (c(10))}: 10), 0 for the whole value
 * @param primary whether it is the primary key
 * @param unique whether it is unique (the primary key is)
 */
public record IndexSchema(String name, List<String> columns, List<Integer> prefixLengths, boolean primary,
                          boolean unique) {
    /** The primary key's name, as MySQL and MariaDB report it. */
    public static final String PRIMARY = "PRIMARY";

    public IndexSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        prefixLengths = List.copyOf(prefixLengths);
        if (columns.isEmpty() || columns.size() != prefixLengths.size()) {
            throw new IllegalArgumentException("index " + name + " has " + columns.size() + " columns and "
                    + prefixLengths.size() + " prefix lengths");
        }
    }

    /** An index on whole columns. */
    public IndexSchema(String name, List<String> columns, boolean primary, boolean unique) {
        this(name, columns, columns.stream().map(column -> 0).toList(), primary, unique);
    }

    /** An index on the columns {@code parts} name, with their prefixes. */
    public IndexSchema(String name, Parts parts, boolean primary, boolean unique) {
        this(name, parts.columns(), parts.prefixLengths(), primary, unique);
    }

    /** The same index without one column (an index left with none is dropped by the caller). */
    public IndexSchema without(String column) {
        List<String> keptColumns = new ArrayList<>();
        List<Integer> keptPrefixes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equalsIgnoreCase(column)) {
                keptColumns.add(columns.get(i));
                keptPrefixes.add(prefixLengths.get(i));
            }
        }
        return keptColumns.isEmpty() ? null : new IndexSchema(name, keptColumns, keptPrefixes, primary, unique);
    }

    /** The same index under another name. */
    public IndexSchema named(String newName) {
        return new IndexSchema(newName, columns, prefixLengths, primary, unique);
    }

    /** The same index with a column renamed. */
    public IndexSchema renaming(String from, String to) {
        return new IndexSchema(name, columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(),
                prefixLengths, primary, unique);
    }

    /**
     * The columns of an index as written, with their prefixes.
     *
     * @param columns the column names
     * @param prefixLengths the prefix of each, 0 for the whole value
     */
    public record Parts(List<String> columns, List<Integer> prefixLengths) {
    }
}
