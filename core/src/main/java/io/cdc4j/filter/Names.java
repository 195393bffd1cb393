package io.cdc4j.filter;

import java.util.Locale;

/** The one way names and literal patterns are folded when rules are case-insensitive. */
final class Names {

    private Names() {
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean isAsciiAlphanumeric(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** How a character is shown in an error message, so that spaces and control characters stay visible. */
    static String show(int c) {
        return c > ' ' && c != 0x7f ? "'" + Character.toString(c) + "'" : String.format("U+%04X", c);
    }
}
