package io.cdc4j.filter;

import java.util.Objects;

/** A pattern read from a rule's text together with the index just past it, where parsing goes on. */
record ParsedPart(NamePattern pattern, int end) {

    ParsedPart {
        Objects.requireNonNull(pattern, "pattern");
        if (end < 0) {
            throw new IllegalArgumentException("end must not be negative: " + end);
        }
    }
}
