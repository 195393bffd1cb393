package io.cdc4j.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of one row, one per column of its {@link TableInfo}, decoded to Java types:
 * integers as {@code Long} ({@code BigInteger} for BIGINT UNSIGNED), DECIMAL as {@code BigDecimal},
 * FLOAT/DOUBLE as {@code Float}/{@code Double}, BIT as {@code Long} bits, DATE as {@code LocalDate},
 * TIME as {@code Duration}, DATETIME as {@code LocalDateTime}, TIMESTAMP as {@code Instant}, YEAR as
 * {@code Integer}, text/JSON/ENUM/SET as {@code String}, binary/GEOMETRY as {@code byte[]}, zero dates as
 * {@link ZeroTemporal}. SQL NULL is absent.
 */
public final class RowImage {
    private final Object[] values;

    /** Takes ownership of {@code values}; a null element is SQL NULL. */
    public RowImage(Object[] values) {
        this.values = Objects.requireNonNull(values, "values");
    }

    /** The number of columns. */
    public int size() {
        return values.length;
    }

    /** Whether the column's value is SQL NULL. */
    public boolean isNull(int column) {
        return values[column] == null;
    }

    /** The column's value; empty for SQL NULL. */
    public Optional<Object> value(int column) {
        return Optional.ofNullable(values[column]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowImage image && Arrays.deepEquals(values, image.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
