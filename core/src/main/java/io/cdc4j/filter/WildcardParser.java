package io.cdc4j.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a wildcard part ({@code *}, {@code ?}, {@code [a-z]}, {@code [!a-z]}, backslash escapes) and
 * compiles it: to {@link LiteralName} when it has no wildcard, {@link AnyName} when it is exactly
 * {@code *}, else to a whole-name {@link WildcardName}. An unescaped {@code .} ends the part. Unescaped characters allowed as themselves are
 * ASCII letters, digits, {@code $}, {@code _} and any non-ASCII character.
 */
final class WildcardParser {

    private WildcardParser() {
    }

    static ParsedPart parse(String text, int start, boolean caseSensitive)
            throws RuleSyntaxException {
        StringBuilder literal = new StringBuilder();
        StringBuilder regex = new StringBuilder();
        boolean isLiteral = true;
        int i = start;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '.') {
                break;
            }
            switch (c) {
                case '\\' -> {
                    int escaped = escapedCharacter(text, i);
                    literal.appendCodePoint(escaped);
                    appendLiteral(regex, escaped);
                    i += 1 + Character.charCount(escaped);
                }
                case '*' -> {
                    isLiteral = false;
                    regex.append(".*");
                    i++;
                }
                case '?' -> {
                    isLiteral = false;
                    regex.append('.');
                    i++;
                }
                case '[' -> {
                    isLiteral = false;
                    i = characterClass(text, i, regex);
                }
                default -> {
                    if (!(c == '$' || c == '_' || Names.isAsciiAlphanumeric(c) || c >= 0x80)) {
                        throw new RuleSyntaxException("unexpected character " + Names.show(c) + " at position "
                                + (i + 1) + "; quote the name (`...`) or escape the character with \\");
                    }
                    literal.appendCodePoint(c);
                    regex.appendCodePoint(c);
                    i += Character.charCount(c);
                }
            }
        }
        String source = text.substring(start, i);
        if (isLiteral) {
            String name = literal.toString();
            return new ParsedPart(new LiteralName(caseSensitive ? name : Names.fold(name)), i);
        }
        if (source.equals("*")) {
            return new ParsedPart(new AnyName(), i);
        }
        int flags = Pattern.DOTALL | Pattern.UNICODE_CASE | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        return new ParsedPart(new WildcardName(source, Pattern.compile(regex.toString(), flags)), i);
    }

    /** The character a backslash at {@code i} makes literal; letters, digits and a final backslash are errors. */
    private static int escapedCharacter(String text, int i) throws RuleSyntaxException {
        if (i + 1 >= text.length()) {
            throw new RuleSyntaxException("a pattern cannot end with \\ (position " + (i + 1) + ")");
        }
        int escaped = text.codePointAt(i + 1);
        if (Names.isAsciiAlphanumeric(escaped)) {
            throw new RuleSyntaxException("cannot escape the letter or digit in \\" + Character.toString(escaped)
                    + " at position " + (i + 1) + " (reserved); remove the backslash");
        }
        return escaped;
    }

    /** Parses {@code [...]} at {@code open}, appends its regex and returns the index after the closing {@code ]}. */
    private static int characterClass(String text, int open, StringBuilder regex) throws RuleSyntaxException {
        int i = open + 1;
        boolean negated = i < text.length() && text.charAt(i) == '!';
        if (negated) {
            i++;
        }
        List<ClassMember> members = new ArrayList<>();
        while (true) {
            if (i >= text.length()) {
                throw new RuleSyntaxException("character class starting at position " + (open + 1)
                        + " has no closing ]");
            }
            int c = text.codePointAt(i);
            if (c == ']') {
                break;
            }
            if (c == '\\') {
                int escaped = escapedCharacter(text, i);
                members.add(new ClassMember(escaped, true));
                i += 1 + Character.charCount(escaped);
            } else {
                members.add(new ClassMember(c, false));
                i += Character.charCount(c);
            }
        }
        if (members.isEmpty()) {
            throw new RuleSyntaxException("empty character class at position " + (open + 1));
        }
        regex.append(negated ? "[^" : "[");
        appendMembers(members, regex, open);
        regex.append(']');
        return i + 1;
    }

    /** Appends the members, reading {@code x-y} (an unescaped {@code -} between two members) as a range. */
    private static void appendMembers(List<ClassMember> members, StringBuilder regex, int open)
            throws RuleSyntaxException {
        int k = 0;
        while (k < members.size()) {
            int low = members.get(k).codePoint();
            boolean range = k + 2 < members.size() && members.get(k + 1).isRangeDash();
            if (!range) {
                appendHex(regex, low);
                k++;
                continue;
            }
            int high = members.get(k + 2).codePoint();
            if (high < low) {
                throw new RuleSyntaxException("invalid range " + Character.toString(low) + "-"
                        + Character.toString(high) + " in the character class at position " + (open + 1));
            }
            appendHex(regex, low);
            regex.append('-');
            appendHex(regex, high);
            k += 3;
        }
    }

    private static void appendLiteral(StringBuilder regex, int c) {
        if (c < 0x80 && !Names.isAsciiAlphanumeric(c)) {
            regex.append('\\');
        }
        regex.appendCodePoint(c);
    }

    private static void appendHex(StringBuilder regex, int c) {
        regex.append("\\x{").append(Integer.toHexString(c)).append('}');
    }

    /** One character written inside {@code [...]}; an escaped {@code -} is a member, never a range dash. */
    private record ClassMember(int codePoint, boolean escaped) {
        boolean isRangeDash() {
            return codePoint == '-' && !escaped;
        }
    }
}
