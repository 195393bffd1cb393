package io.cdc4j.api;

import io.cdc4j.model.Tso;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The API's time formats: TiCDC's {@code 2006-01-02 15:04:05.000} in server local time, and RFC 3339 with nanos. */
final class ApiTimes {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** What TiCDC prints for a zero time. */
    static final String ZERO = "0001-01-01 00:00:00.000";

    private ApiTimes() {
    }

    /** A ts's physical time as {@code 2006-01-02 15:04:05.000}, local time. */
    static String ofTs(long ts) {
        return ts <= 0 ? ZERO : millis(Tso.toInstant(ts));
    }

    static String millis(Instant instant) {
        return MILLIS.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** RFC 3339 with as many fraction digits as needed and the local offset, like Go's RFC3339Nano. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
