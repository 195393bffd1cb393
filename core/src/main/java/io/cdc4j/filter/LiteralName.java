package io.cdc4j.filter;

import java.util.Objects;

/** A pattern without wildcards (plain, escaped or quoted), matching exactly one name. */
public record LiteralName(String name) implements NamePattern {

    public LiteralName {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean matches(String candidate) {
        return name.equals(candidate);
    }
}
