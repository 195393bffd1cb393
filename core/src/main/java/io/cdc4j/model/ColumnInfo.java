package io.cdc4j.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a table as of a point in the binlog.
 *
 * @param name column name
 * @param type type family
 * @param unsigned whether a numeric column is UNSIGNED
 * @param nullable whether the column accepts NULL
 * @param charset the column's character set name (e.g. {@code utf8mb4}) for text columns
 * @param elements the names of an ENUM's or SET's elements, in declaration order; empty otherwise
 * @param collation the collation name of a text column (e.g. {@code utf8mb4_general_ci}); empty otherwise or unknown
 * @param generated whether the column is generated (VIRTUAL or STORED): its value is computed, never written
 */
public record ColumnInfo(String name, ColumnType type, boolean unsigned, boolean nullable,
                         Optional<String> charset, List<String> elements, Optional<String> collation,
                         boolean generated) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
        elements = List.copyOf(elements);
        if (!elements.isEmpty() && type != ColumnType.ENUM && type != ColumnType.SET) {
            throw new IllegalArgumentException("only ENUM and SET columns have elements: " + name);
        }
    }

    /** A plain (not generated) column whose collation is unknown. */
    public ColumnInfo(String name, ColumnType type, boolean unsigned, boolean nullable, Optional<String> charset,
                      List<String> elements) {
        this(name, type, unsigned, nullable, charset, elements, Optional.empty(), false);
    }
}
