package io.cdc4j.filter;

import java.util.Objects;
import java.util.regex.Pattern;

/** A glob pattern ({@code *}, {@code ?}, {@code [...]}) translated to a regex that must match the whole name. */
public record WildcardName(String source, Pattern regex) implements NamePattern {

    public WildcardName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regex, "regex");
    }

    @Override
    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
