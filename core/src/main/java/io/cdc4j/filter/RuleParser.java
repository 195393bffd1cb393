package io.cdc4j.filter;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Optional;

/**
 * Parses one {@code [!]schema.table} rule line: trims spaces and tabs, skips blank lines and {@code #}
 * comments, refuses {@code @file} imports, and splits schema from table at the first unescaped
 * {@code .}. As in TiDB, an empty schema part ({@code .t}) is accepted and matches only the empty name.
 */
final class RuleParser {

    private RuleParser() {
    }

    /** The rule, or empty for a blank line or a comment; a malformed rule is a FILTER_RULE_INVALID error. */
    static Optional<TableRule> parse(String line, boolean caseSensitive) {
        String text = trim(line);
        if (text.isEmpty() || text.charAt(0) == '#') {
            return Optional.empty();
        }
        if (text.charAt(0) == '@') {
            throw invalid(text, "importing rules from a file (@path) is not supported; list the rules themselves");
        }
        boolean include = text.charAt(0) != '!';
        try {
            return Optional.of(parseRule(text, include ? 0 : 1, include, caseSensitive));
        } catch (RuleSyntaxException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static TableRule parseRule(String text, int start, boolean include, boolean caseSensitive)
            throws RuleSyntaxException {
        if (start >= text.length()) {
            throw new RuleSyntaxException("missing schema pattern after '!'");
        }
        ParsedPart schema = PatternParser.parse(text, start, caseSensitive);
        if (schema.end() >= text.length()) {
            throw new RuleSyntaxException("missing '.' and table pattern after the schema pattern");
        }
        if (text.charAt(schema.end()) != '.') {
            throw new RuleSyntaxException("expected '.' between schema and table patterns at position "
                    + (schema.end() + 1) + ", found " + Names.show(text.codePointAt(schema.end())));
        }
        if (schema.end() + 1 >= text.length()) {
            throw new RuleSyntaxException("missing table pattern after '.'");
        }
        ParsedPart table = PatternParser.parse(text, schema.end() + 1, caseSensitive);
        if (table.end() < text.length()) {
            throw new RuleSyntaxException("unexpected " + Names.show(text.codePointAt(table.end()))
                    + " after the table pattern at position " + (table.end() + 1));
        }
        return new TableRule(text, schema.pattern(), table.pattern(), include);
    }

    private static String trim(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && isBlank(line.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static CdcException invalid(String rule, String reason) {
        return new CdcException(ErrorCode.FILTER_RULE_INVALID,
                "filter rule is invalid: rule \"" + rule + "\": " + reason);
    }
}
