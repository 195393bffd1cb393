package io.cdc4j.filter;

/** The bare {@code *} pattern: matches every name, and lets a {@code !} rule exclude a whole schema. */
public record AnyName() implements NamePattern {

    @Override
    public boolean matches(String name) {
        return true;
    }

    @Override
    public boolean matchesEverything() {
        return true;
    }
}
