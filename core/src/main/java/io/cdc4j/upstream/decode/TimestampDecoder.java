package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.time.Instant;

/**
 * TIMESTAMP: stored as UTC epoch seconds plus fraction, handed over as epoch microseconds
 * (DATE_AND_TIME_AS_LONG_MICRO); becomes an Instant, independent of any time zone.
 */
public final class TimestampDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        long micros = (Long) raw;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
