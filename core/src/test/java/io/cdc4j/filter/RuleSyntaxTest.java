package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSyntaxTest {

    private static TableRules rules(String... lines) {
        return TableRules.parse(List.of(lines), true);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
            my-db.*        | unexpected character '-' at position 3
            db,x.t         | unexpected character ',' at position 3
            db/x.t         | unexpected character '/' at position 3
            db x.t         | unexpected character U+0020 at position 3
            db.t+          | unexpected character '+' at position 5
            !@x.t          | unexpected character '@' at position 2
            ! db.t         | unexpected character U+0020 at position 2
            db             | missing '.' and table pattern
            db.            | missing table pattern after '.'
            !              | missing schema pattern after '!'
            db.t.x         | unexpected '.' after the table pattern at position 5
            db.t\\         | a pattern cannot end with \\ (position 5)
            db\\a.t        | cannot escape the letter or digit in \\a at position 3
            db\\1.t        | cannot escape the letter or digit in \\1 at position 3
            db[a-z.t       | character class starting at position 3 has no closing ]
            db[].t         | empty character class at position 3
            db[!].t        | empty character class at position 3
            db[z-a].t      | invalid range z-a in the character class at position 3
            db[\\a].t      | cannot escape the letter or digit in \\a at position 4
            db[a\\         | a pattern cannot end with \\ (position 5)
            "ab"c*.t       | expected '.' between schema and table patterns at position 5, found 'c'
            "ab.t          | quoted name starting at position 1 has no closing "
            `ab.t          | quoted name starting at position 1 has no closing `
            "".t           | empty quoted name at position 1
            db."t"x        | unexpected 'x' after the table pattern at position 7
            /ab.t          | regex starting at position 1 has no closing '/'
            //.t           | empty regex at position 1
            /a/x.t         | expected '.' between schema and table patterns at position 4, found 'x'
            /(/.t          | invalid regex /(/: Unclosed group
            db./t[/        | invalid regex /t[/: character class at position 2 of the regex has no closing ]
            """)
    void syntaxErrorsNameTheRuleAndTheProblem(String rule, String reason) {
        assertThatThrownBy(() -> rules("*.*", rule))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILTER_RULE_INVALID))
                .hasMessageStartingWith("[CDC:ErrFilterRuleInvalid]filter rule is invalid: rule \"" + rule + "\": ")
                .hasMessageContaining(reason);
    }

    @Test
    void fileImportsAreRefusedWithoutReadingTheFile() {
        assertThatThrownBy(() -> rules("@/etc/passwd"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILTER_RULE_INVALID))
                .hasMessageContaining("@/etc/passwd")
                .hasMessageContaining("importing rules from a file (@path) is not supported");
    }

    @Test
    void theErrorNamesTheTrimmedRule() {
        assertThatThrownBy(() -> rules("  \tmy-db.* "))
                .hasMessageContaining("rule \"my-db.*\"");
    }

    @Test
    void spacesAndTabsAroundARuleAreTrimmed() {
        assertThat(rules(" \tdb.t \t").matchTable("db", "t")).isTrue();
    }

    @Test
    void blankLinesAndCommentsAreSkipped() {
        TableRules parsed = rules("", "   ", "# db.t", "  # my-db is not parsed", "db.u");
        assertThat(parsed.rules()).hasSize(1);
        assertThat(parsed.matchTable("db", "t")).isFalse();
        assertThat(parsed.matchTable("db", "u")).isTrue();
    }

    @Test
    void aHashAfterTheStartIsNotAComment() {
        assertThatThrownBy(() -> rules("db.t # note")).hasMessageContaining("unexpected character U+0020");
    }

    @Test
    void doubledQuotesEmbedTheQuote() {
        assertThat(rules("\"a\"\"b\".t").matchTable("a\"b", "t")).isTrue();
        assertThat(rules("`a``b`.t").matchTable("a`b", "t")).isTrue();
        assertThat(rules("`a\"b`.t").matchTable("a\"b", "t")).isTrue();
    }

    @Test
    void quotedNamesHaveNoWildcards() {
        TableRules parsed = rules("\"a*\".`t?`");
        assertThat(parsed.matchTable("a*", "t?")).isTrue();
        assertThat(parsed.matchTable("ab", "t1")).isFalse();
    }

    @Test
    void quotedNamesMayHoldAnyPunctuation() {
        assertThat(rules("`my-db, \\x/`.t").matchTable("my-db, \\x/", "t")).isTrue();
    }

    @Test
    void escapesMakeWildcardsLiteral() {
        TableRules parsed = rules("a\\*.t\\?", "b\\[x\\].t");
        assertThat(parsed.matchTable("a*", "t?")).isTrue();
        assertThat(parsed.matchTable("ab", "t1")).isFalse();
        assertThat(parsed.matchTable("b[x]", "t")).isTrue();
    }

    @Test
    void escapedNonAsciiCharacterIsLiteral() {
        assertThat(rules("\\é.t").matchTable("é", "t")).isTrue();
    }

    @Test
    void firstUnescapedDotSeparatesSchemaAndTable() {
        TableRules parsed = rules("a\\.b.c");
        assertThat(parsed.matchTable("a.b", "c")).isTrue();
        assertThat(parsed.matchTable("a", "b.c")).isFalse();
    }

    @Test
    void dollarUnderscoreDigitsAndNonAsciiLettersArePlainCharacters() {
        assertThat(rules("a$b_9.t").matchTable("a$b_9", "t")).isTrue();
        assertThat(rules("数据库.表_1").matchTable("数据库", "表_1")).isTrue();
    }

    @Test
    void questionMarkMatchesOneCodePoint() {
        TableRules parsed = rules("db?.t");
        assertThat(parsed.matchTable("dbé", "t")).isTrue();
        assertThat(parsed.matchTable("db\uD83D\uDE00", "t")).isTrue();
        assertThat(parsed.matchTable("dbxy", "t")).isFalse();
    }

    @Test
    void starMatchesEmptyAndAnyRun() {
        TableRules parsed = rules("a*z.t");
        assertThat(parsed.matchTable("az", "t")).isTrue();
        assertThat(parsed.matchTable("a.\nz", "t")).isTrue();
        assertThat(parsed.matchTable("za", "t")).isFalse();
    }

    @Test
    void caretInsideAClassIsALiteralMember() {
        TableRules parsed = rules("db[^a].t");
        assertThat(parsed.matchTable("db^", "t")).isTrue();
        assertThat(parsed.matchTable("dba", "t")).isTrue();
        assertThat(parsed.matchTable("dbb", "t")).isFalse();
    }

    @Test
    void exclamationNegatesAClassIncludingNonAscii() {
        TableRules parsed = rules("db[!a-c].t");
        assertThat(parsed.matchTable("dbé", "t")).isTrue();
        assertThat(parsed.matchTable("dbb", "t")).isFalse();
    }

    @Test
    void classMembersCanBeEscapedOrTrailingDashes() {
        TableRules parsed = rules("x[a\\-c].t", "y[\\]].t", "z[a-].t");
        assertThat(parsed.matchTable("x-", "t")).isTrue();
        assertThat(parsed.matchTable("xc", "t")).isTrue();
        assertThat(parsed.matchTable("xb", "t")).isFalse();
        assertThat(parsed.matchTable("y]", "t")).isTrue();
        assertThat(parsed.matchTable("z-", "t")).isTrue();
        assertThat(parsed.matchTable("zb", "t")).isFalse();
    }

    @Test
    void classMembersMayBePunctuationThatIsOtherwiseAnError() {
        TableRules parsed = rules("db[.&[-].t");
        assertThat(parsed.matchTable("db.", "t")).isTrue();
        assertThat(parsed.matchTable("db&", "t")).isTrue();
        assertThat(parsed.matchTable("db[", "t")).isTrue();
        assertThat(parsed.matchTable("db-", "t")).isTrue();
        assertThat(parsed.matchTable("dbx", "t")).isFalse();
    }

    @Test
    void wildcardPartsMatchTheWholeName() {
        TableRules parsed = rules("db[0-9].t*");
        assertThat(parsed.matchTable("db1", "tx")).isTrue();
        assertThat(parsed.matchTable("xdb1", "tx")).isFalse();
        assertThat(parsed.matchTable("db12", "tx")).isFalse();
    }

    @Test
    void anEmptySchemaPartIsAcceptedAsTiDBDoesAndMatchesOnlyTheEmptyName() {
        TableRules parsed = rules(".t");
        assertThat(parsed.matchTable("", "t")).isTrue();
        assertThat(parsed.matchTable("db", "t")).isFalse();
    }

    @Test
    void theFirstMalformedRuleIsReported() {
        assertThatThrownBy(() -> rules("a.b", "bad-1.t", "bad-2.t")).hasMessageContaining("bad-1.t")
                .hasMessageNotContaining("bad-2.t");
    }

    @Test
    void lastMatchingRuleWins() {
        assertThat(rules("!db.*", "db.t").matchTable("db", "t")).isTrue();
        assertThat(rules("db.t", "!db.*").matchTable("db", "t")).isFalse();
    }

    @Test
    void rulesAreKeptInWrittenOrder() {
        TableRules parsed = rules("a.b", "!c.d");
        assertThat(parsed.rules()).extracting(TableRule::text).containsExactly("a.b", "!c.d");
        assertThat(parsed.rules()).extracting(TableRule::include).containsExactly(true, false);
    }

    @Test
    void patternKindsAreCompiledToTheirClasses() {
        List<TableRule> parsed = rules("*.`t`", "a?./x/", "a\\-b.**").rules();
        assertThat(parsed.get(0).schema()).isInstanceOf(AnyName.class);
        assertThat(parsed.get(0).table()).isEqualTo(new LiteralName("t"));
        assertThat(parsed.get(1).schema()).isInstanceOf(WildcardName.class);
        assertThat(parsed.get(1).table()).isInstanceOf(RegexName.class);
        assertThat(parsed.get(2).schema()).isEqualTo(new LiteralName("a-b"));
        assertThat(parsed.get(2).table()).isInstanceOf(WildcardName.class);
    }
}
