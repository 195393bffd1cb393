package io.cdc4j.codec;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ZeroTemporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The string TiCDC makes of a decoded value (see {@link io.cdc4j.model.RowImage}), as canal-json shows it and the
 * partition dispatchers hash it:
 * integers and DECIMAL as decimal text, FLOAT/DOUBLE in the shortest plain form (no exponent; NaN and infinities as
 * 0), temporal values with the column's fractional digits (TIMESTAMP in the given zone), BIT, ENUM and SET as their
 * integer code (bits, 1-based index, bitmask), JSON and text as they are, bytes as ISO-8859-1 characters.
 */
public final class TiCdcValues {
    private final ZoneId timeZone;

    /** Values whose TIMESTAMPs are shown in {@code timeZone} (TiCDC's server time zone). */
    public TiCdcValues(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    /** The text of a non-NULL value of {@code column}, whose type is {@code type}. */
    public String text(ColumnInfo column, MySqlColumnType type, Object value) {
        return switch (value) {
            case Long number when type.base().equals("bit") -> ValueText.bits(number);
            case Long number -> number.toString();
            case Integer number -> number.toString();
            case BigInteger number -> number.toString();
            case BigDecimal number -> number.toPlainString();
            case Double number -> plain(number, false);
            case Float number -> plain(number.doubleValue(), true);
            case LocalDate date -> ValueText.date(date);
            case LocalDateTime dateTime -> withFraction(ValueText.datetime(dateTime), type.fsp());
            case Instant instant -> withFraction(instant.equals(Instant.EPOCH) ? ValueText.ZERO_TIMESTAMP + ".000000"
                    : ValueText.timestamp(instant, timeZone), type.fsp());
            case Duration time -> time(time, type.fsp());
            case ZeroTemporal zero -> zero.text();
            case String text when type.base().equals("enum") -> Long.toString(enumIndex(column.elements(), text));
            case String text when type.base().equals("set") -> Long.toUnsignedString(setBits(column.elements(), text));
            case String text -> text;
            case byte[] bytes -> GoJsonText.latin1(bytes);
            default -> value.toString();
        };
    }

    /** {@code text} ending in six fractional digits, cut to {@code fsp} of them (none: no point either). */
    private static String withFraction(String text, int fsp) {
        int point = text.lastIndexOf('.');
        if (point < 0) {
            return text;
        }
        return fsp == 0 ? text.substring(0, point) : text.substring(0, Math.min(text.length(), point + 1 + fsp));
    }

    /** A TIME as {@code [-]hh:mm:ss[.f...]}, hours two digits or more (up to 838). */
    private static String time(Duration time, int fsp) {
        Duration magnitude = time.abs();
        long seconds = magnitude.getSeconds();
        StringBuilder text = new StringBuilder(16);
        if (time.isNegative()) {
            text.append('-');
        }
        long hours = seconds / 3600;
        if (hours < 10) {
            text.append('0');
        }
        text.append(hours).append(':');
        long minutes = seconds / 60 % 60;
        text.append(minutes < 10 ? "0" : "").append(minutes).append(':');
        long secs = seconds % 60;
        text.append(secs < 10 ? "0" : "").append(secs);
        if (fsp > 0) {
            String micros = Long.toString(magnitude.getNano() / 1000 + 1_000_000).substring(1);
            text.append('.').append(micros, 0, fsp);
        }
        return text.toString();
    }

    /** The shortest decimal text that reads back as the same float or double, never in exponent form. */
    private static String plain(double value, boolean single) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "0";
        }
        String shortest = single ? Float.toString((float) value) : Double.toString(value);
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    /** An ENUM label's 1-based index among the elements; 0 for the empty string MySQL stores for invalid values. */
    private static long enumIndex(List<String> elements, String label) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A SET value's bitmask: bit i for the i-th element it names. */
    private static long setBits(List<String> elements, String labels) {
        long bits = 0;
        if (labels.isEmpty()) {
            return 0;
        }
        for (String label : labels.split(",", -1)) {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i).equalsIgnoreCase(label)) {
                    bits |= 1L << i;
                    break;
                }
            }
        }
        return bits;
    }
}
