package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.nio.charset.Charset;

/** CHAR, VARCHAR, TEXT (and MariaDB JSON): bytes decoded with the column's own charset from TABLE_MAP. */
public final class TextDecoder implements CellDecoder {
    private final Charset charset;

    /** A decoder for a column stored in {@code charset}. */
    public TextDecoder(Charset charset) {
        this.charset = charset;
    }

    @Override
    public Object decode(Serializable raw) {
        return new String((byte[]) raw, charset);
    }

    @Override
    public Object decodeBytes(byte[] source, int offset, int length) {
        return new String(source, offset, length, charset);
    }
}
