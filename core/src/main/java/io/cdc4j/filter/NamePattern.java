package io.cdc4j.filter;

/** One compiled half of a table rule (the schema or the table part), deciding whether a name matches. */
public sealed interface NamePattern permits AnyName, LiteralName, WildcardName, RegexName {

    /** Whether the name matches; callers pass the name already lower-cased when the rules are case-insensitive. */
    boolean matches(String name);

    /** Whether this is the bare {@code *} pattern, the only one a {@code !} rule needs to count at schema level. */
    default boolean matchesEverything() {
        return false;
    }
}
