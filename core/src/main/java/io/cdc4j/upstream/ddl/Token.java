package io.cdc4j.upstream.ddl;

import java.util.Locale;

/** One token of a SQL statement. */
public record Token(Kind kind, String text) {
    /** What sort of token. */
    public enum Kind { WORD, NAME, STRING, SYMBOL }

    /** Whether this is the unquoted keyword {@code word} (case-insensitive). */
    public boolean is(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is the punctuation {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Whether this can name a schema, table or column. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.NAME;
    }

    /** The upper-cased text of a word. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
