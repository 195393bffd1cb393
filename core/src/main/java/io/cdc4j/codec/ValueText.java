package io.cdc4j.codec;

import io.cdc4j.model.ZeroTemporal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The MySQL text form of a decoded value (see {@link io.cdc4j.model.RowImage}), shared by every sink and encoder that
 * writes values as text, so that a DATETIME, a TIME beyond 24 hours, a zero date or a 64-bit BIT reads the same in
 * the MySQL sink's statements and in the messages of the coming encoders: temporal values with microseconds,
 * TIMESTAMP as the wall time of a given zone (the epoch as MySQL's zero TIMESTAMP), BIT as an unsigned decimal.
 */
public final class ValueText {
    /** MySQL's zero TIMESTAMP, which the decoder gives as the epoch. */
    public static final String ZERO_TIMESTAMP = "0000-00-00 00:00:00";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ValueText() {
    }

    /** A DATE as {@code yyyy-MM-dd}. */
    public static String date(LocalDate date) {
        return date.toString();
    }

    /** A DATETIME as {@code yyyy-MM-dd HH:mm:ss.ffffff}. */
    public static String datetime(LocalDateTime dateTime) {
        return DATETIME.format(dateTime);
    }

    /** A TIMESTAMP as the wall time in {@code zone}, microseconds included; the epoch as the zero TIMESTAMP. */
    public static String timestamp(Instant instant, ZoneId zone) {
        if (instant.equals(Instant.EPOCH)) {
            return ZERO_TIMESTAMP;
        }
        return DATETIME.format(LocalDateTime.ofInstant(instant, zone));
    }

    /** A TIME as {@code [-]H:mm:ss.ffffff}, hours up to 838. */
    public static String time(Duration time) {
        Duration magnitude = time.abs();
        long seconds = magnitude.getSeconds();
        long micros = magnitude.getNano() / 1000;
        StringBuilder text = new StringBuilder(16);
        if (time.isNegative()) {
            text.append('-');
        }
        text.append(seconds / 3600).append(':');
        twoDigits(text, seconds / 60 % 60).append(':');
        twoDigits(text, seconds % 60).append('.');
        String fraction = Long.toString(micros);
        text.append("000000", 0, 6 - fraction.length()).append(fraction);
        return text.toString();
    }

    /** A BIT value's bits (up to 64) as an unsigned decimal. */
    public static String bits(long bits) {
        return Long.toUnsignedString(bits);
    }

    /**
     * The text of a temporal value (DATE, DATETIME, TIMESTAMP in {@code zone}, TIME, or a zero date); empty for a
     * value that is not temporal.
     */
    public static Optional<String> temporal(Object value, ZoneId zone) {
        return Optional.ofNullable(switch (value) {
            case LocalDate date -> date(date);
            case LocalDateTime dateTime -> datetime(dateTime);
            case Instant instant -> timestamp(instant, zone);
            case Duration time -> time(time);
            case ZeroTemporal zero -> zero.text();
            default -> null;
        });
    }

    private static StringBuilder twoDigits(StringBuilder text, long value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
