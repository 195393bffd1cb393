package io.cdc4j.upstream.decode;

import java.io.Serializable;

/** Signed TINYINT..BIGINT: the library's Integer or Long, widened to Long. */
public final class SignedIntegerDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        return ((Number) raw).longValue();
    }
}
