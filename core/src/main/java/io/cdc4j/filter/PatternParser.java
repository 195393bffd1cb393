package io.cdc4j.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one part of a rule (a schema or table pattern) starting at an index: a {@code /regex/},
 * a {@code "quoted"} or {@code `quoted`} literal name, or a wildcard pattern.
 */
final class PatternParser {

    private PatternParser() {
    }

    /** Parses the part starting at {@code start}; an unescaped {@code .} ends a wildcard part. */
    static ParsedPart parse(String text, int start, boolean caseSensitive)
            throws RuleSyntaxException {
        if (start >= text.length()) {
            throw new RuleSyntaxException("missing pattern at position " + (start + 1));
        }
        return switch (text.charAt(start)) {
            case '/' -> regex(text, start, caseSensitive);
            case '"', '`' -> quoted(text, start, caseSensitive);
            default -> WildcardParser.parse(text, start, caseSensitive);
        };
    }

    private static ParsedPart regex(String text, int start, boolean caseSensitive) throws RuleSyntaxException {
        StringBuilder source = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new RuleSyntaxException("regex starting at position " + (start + 1)
                        + " has no closing '/' (write a '/' inside it as \\/)");
            }
            char c = text.charAt(i);
            if (c == '/') {
                break;
            }
            if (c == '\\' && i + 1 < text.length()) {
                source.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                source.append(c);
                i++;
            }
        }
        if (source.isEmpty()) {
            throw new RuleSyntaxException("empty regex at position " + (start + 1));
        }
        String re = source.toString();
        int flags = Pattern.UNIX_LINES | Pattern.UNICODE_CASE
                | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        try {
            return new ParsedPart(new RegexName(re, Pattern.compile(GoRegexTranslator.translate(re), flags)), i + 1);
        } catch (PatternSyntaxException e) {
            throw new RuleSyntaxException("invalid regex /" + re + "/: " + e.getDescription());
        }
    }

    private static ParsedPart quoted(String text, int start, boolean caseSensitive) throws RuleSyntaxException {
        char quote = text.charAt(start);
        StringBuilder name = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new RuleSyntaxException("quoted name starting at position " + (start + 1)
                        + " has no closing " + quote + " (write a " + quote + " inside it as " + quote + quote + ")");
            }
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    name.append(quote);
                    i += 2;
                    continue;
                }
                break;
            }
            name.append(c);
            i++;
        }
        if (name.isEmpty()) {
            throw new RuleSyntaxException("empty quoted name at position " + (start + 1));
        }
        String literal = caseSensitive ? name.toString() : Names.fold(name.toString());
        return new ParsedPart(new LiteralName(literal), i + 1);
    }
}
