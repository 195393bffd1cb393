package io.cdc4j.meta;

import java.util.Objects;

/** A value read from a znode with the znode's version, for a later compare-and-set. */
public record Versioned<T>(T value, int version) {
    public Versioned {
        Objects.requireNonNull(value, "value");
    }
}
