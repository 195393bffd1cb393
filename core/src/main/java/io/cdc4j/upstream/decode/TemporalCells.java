package io.cdc4j.upstream.decode;

import io.cdc4j.model.ZeroTemporal;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads DATE, TIME, DATETIME and YEAR cells straight from an event's bytes, at an offset. The binlog library's own
 * readers lose negative TIME values, turn zero dates into null (the same as SQL NULL) and read YEAR 0000 as 1900.
 */
public final class TemporalCells {
    private static final long TIME_INT_OFFSET = 0x800000L;
    private static final long TIME_OFFSET = 0x800000000000L;
    private static final long DATETIME_INT_OFFSET = 0x8000000000L;

    private TemporalCells() {
    }

    /** DATE from its 3 bytes at {@code at}. */
    public static Serializable date(byte[] bytes, int at) {
        int value = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16;
        int day = value & 0x1F;
        int month = (value >>> 5) & 0x0F;
        int year = value >>> 9;
        if (month == 0 || day == 0) {
            return new ZeroTemporal("%04d-%02d-%02d".formatted(year, month, day));
        }
        return LocalDate.of(year, month, day);
    }

    /** YEAR from its byte at {@code at}. */
    public static Serializable year(byte[] bytes, int at) {
        int value = bytes[at] & 0xFF;
        return value == 0 ? 0 : 1900 + value;
    }

    /** TIME (MySQL 5.6+ format) from its {@code 3 + (decimals + 1) / 2} bytes at {@code at}. */
    public static Serializable timeV2(int decimals, byte[] bytes, int at) {
        long packed = switch (decimals) {
            case 0 -> (bigEndian(bytes, at, 3) - TIME_INT_OFFSET) << 24;
            case 1, 2 -> packWithFraction(bigEndian(bytes, at, 3) - TIME_INT_OFFSET, bigEndian(bytes, at + 3, 1),
                    0x100, 10_000);
            case 3, 4 -> packWithFraction(bigEndian(bytes, at, 3) - TIME_INT_OFFSET, bigEndian(bytes, at + 3, 2),
                    0x10000, 100);
            case 5, 6 -> bigEndian(bytes, at, 6) - TIME_OFFSET;
            default -> throw new IllegalArgumentException("TIME with " + decimals + " fractional digits");
        };
        boolean negative = packed < 0;
        long magnitude = Math.abs(packed);
        long hms = magnitude >>> 24;
        long micros = magnitude & 0xFFFFFF;
        long seconds = ((hms >>> 12) & 0x3FF) * 3600 + ((hms >>> 6) & 0x3F) * 60 + (hms & 0x3F);
        Duration duration = Duration.ofSeconds(seconds, micros * 1000);
        return negative ? duration.negated() : duration;
    }

    /** Negative times store their fraction as {@code range - fraction} on the next integer, for byte-order sorting. */
    private static long packWithFraction(long intPart, long fraction, int fractionRange, int microsPerUnit) {
        long whole = intPart;
        long part = fraction;
        if (whole < 0 && part != 0) {
            whole++;
            part -= fractionRange;
        }
        return (whole << 24) + part * microsPerUnit;
    }

    /** DATETIME (MySQL 5.6+ format) from its {@code 5 + (decimals + 1) / 2} bytes at {@code at}. */
    public static Serializable datetimeV2(int decimals, byte[] bytes, int at) {
        long intPart = bigEndian(bytes, at, 5) - DATETIME_INT_OFFSET;
        int micros = unsignedFraction(decimals, bytes, at + 5);
        long ymd = intPart >>> 17;
        long hms = intPart & 0x1FFFF;
        int yearMonth = (int) (ymd >>> 5);
        return dateTime(yearMonth / 13, yearMonth % 13, (int) (ymd & 0x1F), (int) (hms >>> 12),
                (int) ((hms >>> 6) & 0x3F), (int) (hms & 0x3F), micros, decimals);
    }

    /** TIME (pre-5.6 format) from its 3 bytes at {@code at}. */
    public static Serializable timeV1(byte[] bytes, int at) {
        int value = (((bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16) << 8) >> 8;
        int magnitude = Math.abs(value);
        Duration duration = Duration.ofSeconds((magnitude / 10000) * 3600L + (magnitude / 100 % 100) * 60L
                + magnitude % 100);
        return value < 0 ? duration.negated() : duration;
    }

    /** DATETIME (pre-5.6 format) from its 8 bytes at {@code at}. */
    public static Serializable datetimeV1(byte[] bytes, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        long date = value / 1_000_000L;
        long time = value % 1_000_000L;
        return dateTime((int) (date / 10000), (int) (date / 100 % 100), (int) (date % 100), (int) (time / 10000),
                (int) (time / 100 % 100), (int) (time % 100), 0, 0);
    }

    private static Serializable dateTime(int year, int month, int day, int hour, int minute, int second, int micros,
                                         int decimals) {
        if (month == 0 || day == 0) {
            String text = "%04d-%02d-%02d %02d:%02d:%02d".formatted(year, month, day, hour, minute, second);
            if (decimals > 0) {
                text += "." + "%06d".formatted(micros).substring(0, decimals);
            }
            return new ZeroTemporal(text);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
    }

    private static int unsignedFraction(int decimals, byte[] bytes, int at) {
        return switch (decimals) {
            case 0 -> 0;
            case 1, 2 -> (int) bigEndian(bytes, at, 1) * 10_000;
            case 3, 4 -> (int) bigEndian(bytes, at, 2) * 100;
            case 5, 6 -> (int) bigEndian(bytes, at, 3);
            default -> throw new IllegalArgumentException("DATETIME with " + decimals + " fractional digits");
        };
    }

    /** {@code length} bytes at {@code at}, big-endian, unsigned. */
    static long bigEndian(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
