package io.cdc4j.filter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a regex written in Go RE2 syntax (what TiCDC's rules use) into java.util.regex syntax with the
 * same meaning, and refuses what RE2 refuses but Java would accept with a meaning of its own.
 *
 * <p>Differences handled:
 * <ul>
 *   <li>Refused, as RE2 refuses them: backreferences ({@code \1}, {@code \k<n>}), lookaround and atomic
 *       groups ({@code (?=}, {@code (?!}, {@code (?<=}, {@code (?<!}, {@code (?>}), possessive quantifiers
 *       ({@code a*+}), repeat counts above 1000, escapes RE2 does not know ({@code \Z}, {@code \G},
 *       {@code \R}, {@code \h}, ...), and inline flags other than {@code i m s} (Go's {@code U},
 *       ungreedy, has no Java counterpart; Java's {@code U} means something else).</li>
 *   <li>Rewritten: named groups {@code (?P<n>...)} and {@code (?<n>...)} become non-capturing groups (names
 *       are never used here and Go allows names Java refuses); {@code \v} becomes a vertical tab (in Java it
 *       is a class of vertical whitespace); a <code>&#123;</code> that does not start a repeat count is a literal in
 *       RE2 and is escaped; inside a character class {@code [} and {@code &} are literals in RE2 and are
 *       escaped (Java would read a nested class or an intersection); POSIX classes {@code [[:alpha:]]} become
 *       Java's {@code \p{Alpha}}.</li>
 * </ul>
 *
 * <p>Differences left: the compiled pattern must use {@link Pattern#UNIX_LINES} so that {@code .} stops
 * only at {@code \n} as in RE2, and {@link Pattern#UNICODE_CASE} so that {@code (?i)} folds like RE2; even
 * then Java's {@code $} (without {@code (?m)}) also matches before a final {@code \n}, and Java's
 * {@code \s} also matches a vertical tab. Both only matter for names containing control characters.
 */
final class GoRegexTranslator {

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(?:,(\\d*))?}");
    private static final int MAX_REPEAT = 1000;
    private static final String ALLOWED_LETTER_ESCAPES = "aftnrvxAbBzdDsSwWpPQ";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private final String re;
    private final StringBuilder out = new StringBuilder();
    private int i;

    private GoRegexTranslator(String re) {
        this.re = re;
    }

    /** The Java regex with the meaning RE2 gives {@code re}. */
    static String translate(String re) throws RuleSyntaxException {
        GoRegexTranslator translator = new GoRegexTranslator(re);
        translator.run();
        return translator.out.toString();
    }

    private void run() throws RuleSyntaxException {
        while (i < re.length()) {
            char c = re.charAt(i);
            switch (c) {
                case '\\' -> escape();
                case '[' -> characterClass();
                case '(' -> group();
                case '{' -> brace();
                case '*', '+', '?' -> {
                    out.append(c);
                    i++;
                    afterQuantifier();
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    private void escape() throws RuleSyntaxException {
        if (i + 1 >= re.length()) {
            throw refused("a regex cannot end with \\");
        }
        char next = re.charAt(i + 1);
        if (next >= '1' && next <= '9' || next == 'k') {
            throw refused("backreferences (\\" + next + ") are not supported in RE2 syntax");
        }
        if (Names.isAsciiAlphanumeric(next) && next != '0' && ALLOWED_LETTER_ESCAPES.indexOf(next) < 0) {
            throw refused("\\" + next + " is not an escape of RE2 syntax");
        }
        if (next == 'Q') {
            int end = re.indexOf("\\E", i + 2);
            int stop = end < 0 ? re.length() : end + 2;
            out.append(re, i, stop);
            i = stop;
            return;
        }
        out.append(next == 'v' ? "\\x0B" : re.substring(i, i + 2));
        i += 2;
    }

    private void characterClass() throws RuleSyntaxException {
        int open = i;
        out.append('[');
        i++;
        if (i < re.length() && re.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= re.length()) {
                throw refused("character class at position " + (open + 1) + " of the regex has no closing ]");
            }
            char c = re.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                i++;
                return;
            }
            first = false;
            if (c == '[' && re.startsWith("[:", i) && posixClass()) {
                continue;
            }
            if (c == '\\') {
                escape();
            } else {
                if (c == '[' || c == '&' || c == ']') {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
        }
    }

    /** Translates {@code [:name:]} at the cursor; false (cursor unmoved) when it is not one. */
    private boolean posixClass() throws RuleSyntaxException {
        int close = re.indexOf(":]", i + 2);
        if (close < 0) {
            return false;
        }
        String name = re.substring(i + 2, close);
        boolean negated = name.startsWith("^");
        String java = POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw refused("unknown POSIX class [:" + name + ":]");
        }
        out.append(negated ? negate(java) : java);
        i = close + 2;
        return true;
    }

    private static String negate(String javaClass) {
        return javaClass.equals("\\w") ? "\\W" : "\\P" + javaClass.substring(2);
    }

    private void group() throws RuleSyntaxException {
        if (!re.startsWith("(?", i)) {
            out.append('(');
            i++;
            return;
        }
        for (String refusedStart : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
            if (re.startsWith(refusedStart, i)) {
                throw refused("lookaround and atomic groups (" + refusedStart + ") are not supported in RE2 syntax");
            }
        }
        if (re.startsWith("(?P<", i) || re.startsWith("(?<", i)) {
            int close = re.indexOf('>', i);
            if (close < 0) {
                throw refused("named group without closing >");
            }
            out.append("(?:");
            i = close + 1;
            return;
        }
        int j = i + 2;
        while (j < re.length() && "ims-".indexOf(re.charAt(j)) >= 0) {
            j++;
        }
        if (j >= re.length() || re.charAt(j) != ')' && re.charAt(j) != ':') {
            String flag = j < re.length() ? String.valueOf(re.charAt(j)) : "end of regex";
            throw refused("unsupported inline flag group at " + flag + " (RE2 flags here: i, m, s)");
        }
        out.append(re, i, j + 1);
        i = j + 1;
    }

    private void brace() throws RuleSyntaxException {
        Matcher repeat = REPEAT.matcher(re).region(i, re.length());
        if (!repeat.lookingAt()) {
            out.append("\\{");
            i++;
            return;
        }
        checkCount(repeat.group(1));
        if (repeat.group(2) != null && !repeat.group(2).isEmpty()) {
            checkCount(repeat.group(2));
        }
        out.append(repeat.group());
        i = repeat.end();
        afterQuantifier();
    }

    private void checkCount(String digits) throws RuleSyntaxException {
        if (digits.length() > 4 || Integer.parseInt(digits) > MAX_REPEAT) {
            throw refused("repeat count " + digits + " exceeds RE2's limit of " + MAX_REPEAT);
        }
    }

    /** Copies a lazy {@code ?} after a quantifier and refuses Java's possessive {@code +}. */
    private void afterQuantifier() throws RuleSyntaxException {
        if (i < re.length() && re.charAt(i) == '?') {
            out.append('?');
            i++;
        }
        if (i < re.length() && re.charAt(i) == '+') {
            throw refused("possessive quantifiers (such as *+) are not supported in RE2 syntax");
        }
    }

    private RuleSyntaxException refused(String reason) {
        return new RuleSyntaxException("invalid regex /" + re + "/: " + reason);
    }
}
