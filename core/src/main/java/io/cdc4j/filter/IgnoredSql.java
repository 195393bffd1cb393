package io.cdc4j.filter;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An event filter rule's {@code ignore_sql}: Go RE2 regexes joined with {@code |}, case-insensitive and
 * searched anywhere in a DDL's text (never applied to DML). TiCDC silently drops a rule whose regex is
 * invalid; cdc4j refuses it with FILTER_RULE_INVALID instead. As in TiCDC an empty regex matches every DDL.
 */
public final class IgnoredSql {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNIX_LINES;

    private final Optional<Pattern> pattern;

    private IgnoredSql(Optional<Pattern> pattern) {
        this.pattern = pattern;
    }

    /**
     * Compiles the list; an empty list ignores nothing.
     *
     * @throws CdcException FILTER_RULE_INVALID naming the first invalid regex
     */
    public static IgnoredSql parse(List<String> regexes) {
        Objects.requireNonNull(regexes, "regexes");
        if (regexes.isEmpty()) {
            return new IgnoredSql(Optional.empty());
        }
        List<String> translated = new ArrayList<>(regexes.size());
        for (String regex : regexes) {
            translated.add(translate(Objects.requireNonNull(regex, "ignore sql")));
        }
        return new IgnoredSql(Optional.of(Pattern.compile(String.join("|", translated), FLAGS)));
    }

    /** Whether the DDL text is ignored: one of the regexes finds a match in it. */
    public boolean ignores(String ddl) {
        Objects.requireNonNull(ddl, "ddl");
        return pattern.map(p -> p.matcher(ddl).find()).orElse(false);
    }

    private static String translate(String regex) {
        try {
            String java = GoRegexTranslator.translate(regex);
            Pattern.compile(java, FLAGS);
            return java;
        } catch (RuleSyntaxException e) {
            throw invalid(regex, e.getMessage());
        } catch (PatternSyntaxException e) {
            throw invalid(regex, "invalid regex /" + regex + "/: " + e.getDescription());
        }
    }

    private static CdcException invalid(String regex, String reason) {
        return new CdcException(ErrorCode.FILTER_RULE_INVALID,
                "filter rule is invalid: ignore_sql \"" + regex + "\": " + reason);
    }
}
