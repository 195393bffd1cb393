package io.cdc4j.upstream.decode;

import java.io.Serializable;

/** VARBINARY, BLOB, GEOMETRY, VECTOR: the bytes as they are, 0x00 bytes included. */
public final class BytesDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        return raw;
    }
}
