package io.cdc4j.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Null-to-absent normalisation used by the config records' constructors, so decoded values never hold null. */
final class Values {
    private Values() {
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static <T> T orDefault(T value, Supplier<T> fallback) {
        return value == null ? fallback.get() : value;
    }

    static long unsigned(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }
}
