package io.cdc4j.model;

import java.io.Serializable;
import java.util.Objects;

/** A MySQL date or datetime with a zero part (e.g. {@code 0000-00-00}) that java.time cannot hold. */
public record ZeroTemporal(String text) implements Serializable {
    public ZeroTemporal {
        Objects.requireNonNull(text, "text");
    }
}
