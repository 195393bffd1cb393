package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.cdc4j.model.ZeroTemporal;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads DATE, TIME, DATETIME and YEAR cells straight from the binlog bytes. The library's own readers
 * lose negative TIME values, turn zero dates into null (the same as SQL NULL) and read YEAR 0000 as 1900.
 */
public final class TemporalCells {
    private static final long TIME_INT_OFFSET = 0x800000L;
    private static final long TIME_OFFSET = 0x800000000000L;
    private static final long DATETIME_INT_OFFSET = 0x8000000000L;

    private TemporalCells() {
    }

    /** DATE: 3 bytes little-endian, day in bits 0-4, month in 5-8, year above. */
    public static Serializable readDate(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(3);
        int day = value & 0x1F;
        int month = (value >>> 5) & 0x0F;
        int year = value >>> 9;
        if (month == 0 || day == 0) {
            return new ZeroTemporal("%04d-%02d-%02d".formatted(year, month, day));
        }
        return LocalDate.of(year, month, day);
    }

    /** YEAR: one byte, 0 for 0000, else the offset from 1900. */
    public static Serializable readYear(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(1);
        return value == 0 ? 0 : 1900 + value;
    }

    /** TIME (MySQL 5.6+ format): a signed packed value, hours up to 838, with {@code decimals} digits of fraction. */
    public static Serializable readTimeV2(int decimals, ByteArrayInputStream in) throws IOException {
        long packed = switch (decimals) {
            case 0 -> (readBigEndian(in, 3) - TIME_INT_OFFSET) << 24;
            case 1, 2 -> packWithFraction(readBigEndian(in, 3) - TIME_INT_OFFSET, readBigEndian(in, 1), 0x100, 10_000);
            case 3, 4 -> packWithFraction(readBigEndian(in, 3) - TIME_INT_OFFSET, readBigEndian(in, 2), 0x10000,
                    100);
            case 5, 6 -> readBigEndian(in, 6) - TIME_OFFSET;
            default -> throw new IOException("TIME with " + decimals + " fractional digits");
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

    /** DATETIME (MySQL 5.6+ format): wall-clock fields, no time zone, with {@code decimals} digits of fraction. */
    public static Serializable readDatetimeV2(int decimals, ByteArrayInputStream in) throws IOException {
        long intPart = readBigEndian(in, 5) - DATETIME_INT_OFFSET;
        int micros = readUnsignedFraction(decimals, in);
        long ymd = intPart >>> 17;
        long hms = intPart & 0x1FFFF;
        int yearMonth = (int) (ymd >>> 5);
        return dateTime(yearMonth / 13, yearMonth % 13, (int) (ymd & 0x1F), (int) (hms >>> 12),
                (int) ((hms >>> 6) & 0x3F), (int) (hms & 0x3F), micros, decimals);
    }

    /** TIME (pre-5.6 format): 3 bytes little-endian, signed HHMMSS. */
    public static Serializable readTimeV1(ByteArrayInputStream in) throws IOException {
        int value = (in.readInteger(3) << 8) >> 8;
        int magnitude = Math.abs(value);
        Duration duration = Duration.ofSeconds((magnitude / 10000) * 3600L + (magnitude / 100 % 100) * 60L
                + magnitude % 100);
        return value < 0 ? duration.negated() : duration;
    }

    /** DATETIME (pre-5.6 format): 8 bytes little-endian, YYYYMMDDHHMMSS as a number. */
    public static Serializable readDatetimeV1(ByteArrayInputStream in) throws IOException {
        long value = in.readLong(8);
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

    private static int readUnsignedFraction(int decimals, ByteArrayInputStream in) throws IOException {
        return switch (decimals) {
            case 0 -> 0;
            case 1, 2 -> (int) readBigEndian(in, 1) * 10_000;
            case 3, 4 -> (int) readBigEndian(in, 2) * 100;
            case 5, 6 -> (int) readBigEndian(in, 3);
            default -> throw new IOException("DATETIME with " + decimals + " fractional digits");
        };
    }

    private static long readBigEndian(ByteArrayInputStream in, int length) throws IOException {
        byte[] bytes = in.read(length);
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
