package io.cdc4j.upstream.decode;

import java.io.Serializable;

/**
 * UNSIGNED TINYINT..INT: the binlog library sign-extends them (TINYINT UNSIGNED 255 arrives as -1), so
 * the value is masked back to the column's width.
 */
public final class UnsignedIntegerDecoder implements CellDecoder {
    private final long mask;

    /** A decoder for a column {@code bits} wide (8, 16, 24 or 32). */
    public UnsignedIntegerDecoder(int bits) {
        if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("not an unsigned integer width below 64: " + bits);
        }
        this.mask = (1L << bits) - 1;
    }

    @Override
    public Object decode(Serializable raw) {
        return ((Number) raw).longValue() & mask;
    }
}
