package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexPatternTest {

    private static boolean schemaMatches(String regex, String schema) {
        return TableRules.parse(List.of("/" + regex + "/.*"), true).matchTable(schema, "t");
    }

    @ParameterizedTest(name = "/{0}/ on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
            b              | db01      | true
            b              | xyz       | false
            ^db$           | db        | true
            ^db$           | db1       | false
            ^db            | mydb      | false
            db$            | mydb      | true
            a.c            | a\\nc     | false
            (?s)a.c        | a\\nc     | true
            a\\/b          | a/b       | true
            x{             | ax{b      | true
            x{,3}          | x{,3}     | true
            x{2}           | axxb      | true
            x{2}           | axb       | false
            (?P<n>ab)+$    | abab      | true
            (?<n>ab)$      | ab        | true
            [[:digit:]]    | a1        | true
            [[:digit:]]    | ab        | false
            ^[[:^alpha:]]  | 1a        | true
            ^[[:^alpha:]]  | a1        | false
            [[:word:]]     | _         | true
            [a[]           | [         | true
            [a[]           | b         | false
            [a&&b]         | &         | true
            []a]           | ]         | true
            ^[^]a]         | b         | true
            ^[^]a]         | ]         | false
            a\\vb          | a\\u000Bb | true
            \\Qa.b\\E      | a.b       | true
            \\Qa.b\\E      | axb       | false
            (?i)DB         | db        | true
            a*?b+?c??      | aabbc     | true
            """)
    void regexesFollowRe2Semantics(String regex, String schema, boolean matches) {
        String name = schema.replace("\\n", "\n").replace("\\u000B", "\u000B");
        assertThat(schemaMatches(regex, name)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "/{0}/ -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
            (a)\\1         | backreferences (\\1)
            (?<n>a)\\k<n>  | backreferences (\\k)
            a(?=b)         | lookaround and atomic groups ((?=)
            a(?!b)         | lookaround and atomic groups ((?!)
            (?<=a)b        | lookaround and atomic groups ((?<=)
            (?<!a)b        | lookaround and atomic groups ((?<!)
            (?>a)          | lookaround and atomic groups ((?>)
            a*+            | possessive quantifiers
            a++            | possessive quantifiers
            a{2}+          | possessive quantifiers
            a{1001}        | repeat count 1001 exceeds RE2's limit of 1000
            a{1,99999}     | repeat count 99999 exceeds
            a\\Z           | \\Z is not an escape of RE2 syntax
            \\Ga           | \\G is not an escape of RE2 syntax
            a\\R           | \\R is not an escape of RE2 syntax
            (?U)a*         | unsupported inline flag group at U
            (?x)a          | unsupported inline flag group at x
            [[:foo:]]      | unknown POSIX class [:foo:]
            [ab            | character class at position 1 of the regex has no closing ]
            """)
    void javaOnlySyntaxIsRefused(String regex, String reason) {
        assertThatThrownBy(() -> TableRules.parse(List.of("/" + regex + "/.t"), true))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILTER_RULE_INVALID))
                .hasMessageContaining("invalid regex /" + regex + "/: ")
                .hasMessageContaining(reason);
    }

    @Test
    void anEscapedSlashDoesNotCloseTheRegex() {
        assertThatThrownBy(() -> TableRules.parse(List.of("/a\\/.t"), true))
                .hasMessageContaining("regex starting at position 1 has no closing '/'");
    }

    @Test
    void aTrailingBackslashIsRefusedByTheTranslator() {
        assertThatThrownBy(() -> GoRegexTranslator.translate("a\\"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("a regex cannot end with \\");
    }

    @Test
    void aThousandRepeatsAreAllowed() {
        assertThat(schemaMatches("^a{1000}$", "a".repeat(1000))).isTrue();
    }

    @Test
    void caseInsensitiveRegexesFoldUnicodeLetters() {
        TableRules rules = TableRules.parse(List.of("/^ÉTÉ$/.*"), false);
        assertThat(rules.matchTable("Été", "t")).isTrue();
    }

    @Test
    void dotStopsOnlyAtNewlineAsInRe2() {
        assertThat(schemaMatches("^a.b$", "a\rb")).isTrue();
        assertThat(schemaMatches("^a.b$", "a\u2028b")).isTrue();
    }

    @Test
    void tableRegexesAreSubstringMatchesToo() {
        TableRules rules = TableRules.parse(List.of("db./log/"), true);
        assertThat(rules.matchTable("db", "access_log_2024")).isTrue();
        assertThat(rules.matchTable("db", "access_lo")).isFalse();
    }
}
