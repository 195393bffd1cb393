package io.cdc4j.filter;

import java.util.Objects;
import java.util.regex.Pattern;

/** A {@code /re/} pattern: matches when the regex finds a substring of the name (anchor it with ^ and $). */
public record RegexName(String source, Pattern regex) implements NamePattern {

    public RegexName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regex, "regex");
    }

    @Override
    public boolean matches(String name) {
        return regex.matcher(name).find();
    }
}
