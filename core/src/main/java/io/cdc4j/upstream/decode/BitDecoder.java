package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.util.BitSet;

/** BIT(n): the library's BitSet becomes the bits as a Long (BIT(64) with every bit set is -1). */
public final class BitDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        long[] words = ((BitSet) raw).toLongArray();
        return words.length == 0 ? 0L : words[0];
    }
}
