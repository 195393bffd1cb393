package io.cdc4j.upstream.decode;

import java.io.Serializable;

/** Turns one non-NULL cell, as the binlog library hands it over, into cdc4j's Java value for its column. */
@FunctionalInterface
public interface CellDecoder {
    /** Decodes a non-null raw cell. */
    Object decode(Serializable raw);

    /**
     * Decodes a non-null string or binary cell, {@code length} bytes of {@code source} at {@code offset}, without
     * the caller copying them out first (a text column decodes its string straight from the event's bytes).
     */
    default Object decodeBytes(byte[] source, int offset, int length) {
        return decode(java.util.Arrays.copyOfRange(source, offset, offset + length));
    }
}
