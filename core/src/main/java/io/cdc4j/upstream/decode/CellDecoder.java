package io.cdc4j.upstream.decode;

import java.io.Serializable;

/** Turns one non-NULL cell, as the binlog library hands it over, into cdc4j's Java value for its column. */
@FunctionalInterface
public interface CellDecoder {
    /** Decodes a non-null raw cell. */
    Object decode(Serializable raw);
}
