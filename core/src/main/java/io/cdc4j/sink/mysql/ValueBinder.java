package io.cdc4j.sink.mysql;

import io.cdc4j.codec.ValueText;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;

/**
 * Binds the decoded values of a row image (see {@link io.cdc4j.model.RowImage}) to statement parameters so the
 * downstream stores exactly what the upstream held: integers and DECIMAL exactly (BIGINT UNSIGNED and 64-bit BIT
 * as unsigned decimals), temporal values as text with microseconds, TIMESTAMP in the session's time zone, text as
 * strings and binary as bytes; the text forms are {@link ValueText}'s, which the encoders share.
 */
final class ValueBinder {
    private final ZoneId sessionZone;

    /** @param sessionZone the downstream session's time zone, in which TIMESTAMP values are written */
    ValueBinder(ZoneId sessionZone) {
        this.sessionZone = sessionZone;
    }

    /** Binds every argument of {@code dml}. */
    void bind(PreparedStatement statement, Dml dml) throws SQLException {
        Object[] values = dml.values();
        ColumnInfo[] columns = dml.columns();
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i], columns[i]);
        }
    }

    void bind(PreparedStatement statement, int index, Object value, ColumnInfo column) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case Long bits when column.type() == ColumnType.BIT && bits < 0 ->
                    statement.setBigDecimal(index, new BigDecimal(ValueText.bits(bits)));
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case BigInteger number -> statement.setBigDecimal(index, new BigDecimal(number));
            case BigDecimal number -> statement.setBigDecimal(index, number);
            case Double number -> statement.setDouble(index, number);
            case Float number -> statement.setFloat(index, number);
            case String text -> statement.setString(index, text);
            case byte[] bytes -> statement.setBytes(index, bytes);
            default -> statement.setString(index, ValueText.temporal(value, sessionZone).orElseThrow(
                    () -> new IllegalArgumentException("no binding for a " + value.getClass().getName()
                            + " in column " + column.name())));
        }
    }
}
