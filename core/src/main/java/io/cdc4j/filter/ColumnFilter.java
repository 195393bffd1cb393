package io.cdc4j.filter;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code columns} of one {@code sink.column_selectors} entry as TiDB's column filter reads them: one
 * {@code [!]pattern} per entry (wildcards, {@code "quoted"} or {@code /regex/} names, as in table rules), names
 * compared without case; the last pattern that matches a column decides, and a column no pattern matches is left out.
 */
public final class ColumnFilter {
    private final List<Rule> rules;

    private ColumnFilter(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @throws CdcException COLUMN_SELECTOR_FAILED naming a malformed pattern
     */
    public static ColumnFilter of(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            boolean include = text.charAt(0) != '!';
            int start = include ? 0 : 1;
            try {
                ParsedPart part = PatternParser.parse(text, start, false);
                if (part.end() != text.length()) {
                    throw new RuleSyntaxException("unexpected " + Names.show(text.codePointAt(part.end()))
                            + " after the column pattern at position " + (part.end() + 1));
                }
                rules.add(new Rule(part.pattern(), include));
            } catch (RuleSyntaxException e) {
                throw new CdcException(ErrorCode.COLUMN_SELECTOR_FAILED, "column selector pattern \"" + raw
                        + "\" is invalid: " + e.getMessage());
            }
        }
        return new ColumnFilter(List.copyOf(rules));
    }

    /** Whether {@code column} is selected. */
    public boolean matches(String column) {
        String name = Names.fold(column);
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).pattern().matches(name)) {
                return rules.get(i).include();
            }
        }
        return false;
    }

    private record Rule(NamePattern pattern, boolean include) {
    }
}
