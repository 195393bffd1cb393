package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.ZeroTemporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Binds the decoded values of a row image (see {@link io.cdc4j.model.RowImage}) to statement parameters so the
 * downstream stores exactly what the upstream held: integers and DECIMAL exactly (BIGINT UNSIGNED and 64-bit BIT
 * as unsigned decimals), temporal values as text with microseconds, TIMESTAMP in the session's time zone, text as
 * strings and binary as bytes.
 */
final class ValueBinder {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final String ZERO_TIMESTAMP = "0000-00-00 00:00:00";

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
                    statement.setBigDecimal(index, new BigDecimal(Long.toUnsignedString(bits)));
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case BigInteger number -> statement.setBigDecimal(index, new BigDecimal(number));
            case BigDecimal number -> statement.setBigDecimal(index, number);
            case Double number -> statement.setDouble(index, number);
            case Float number -> statement.setFloat(index, number);
            case String text -> statement.setString(index, text);
            case byte[] bytes -> statement.setBytes(index, bytes);
            case LocalDate date -> statement.setString(index, date.toString());
            case LocalDateTime dateTime -> statement.setString(index, DATETIME.format(dateTime));
            case Instant instant -> statement.setString(index, timestamp(instant));
            case Duration time -> statement.setString(index, time(time));
            case ZeroTemporal zero -> statement.setString(index, zero.text());
            default -> throw new IllegalArgumentException("no binding for a " + value.getClass().getName()
                    + " in column " + column.name());
        }
    }

    /** A TIMESTAMP as the session zone's wall time; the epoch (MySQL's zero TIMESTAMP) as the zero text. */
    String timestamp(Instant instant) {
        if (instant.equals(Instant.EPOCH)) {
            return ZERO_TIMESTAMP;
        }
        return DATETIME.format(LocalDateTime.ofInstant(instant, sessionZone));
    }

    /** A TIME as {@code [-]H:mm:ss.ffffff}, hours up to 838. */
    static String time(Duration time) {
        Duration magnitude = time.abs();
        long seconds = magnitude.getSeconds();
        LocalTime clock = LocalTime.ofSecondOfDay(seconds % 86_400).withNano(magnitude.getNano());
        return (time.isNegative() ? "-" : "") + (seconds / 3600) + ":" + "%02d:%02d.%06d".formatted(clock.getMinute(),
                clock.getSecond(), clock.getNano() / 1000);
    }
}
