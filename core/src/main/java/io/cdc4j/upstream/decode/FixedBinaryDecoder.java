package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.util.Arrays;

/**
 * BINARY(n): the server strips trailing 0x00 bytes when it writes the row, so they are padded back to
 * the column's length, as a SELECT returns them.
 */
public final class FixedBinaryDecoder implements CellDecoder {
    private final int length;

    /** A decoder for BINARY({@code length}). */
    public FixedBinaryDecoder(int length) {
        this.length = length;
    }

    @Override
    public Object decode(Serializable raw) {
        byte[] bytes = (byte[]) raw;
        return bytes.length >= length ? bytes : Arrays.copyOf(bytes, length);
    }
}
