package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoredSqlTest {

    @Test
    void anyRegexFindingAMatchAnywhereIgnoresTheDdl() {
        IgnoredSql ignored = IgnoredSql.parse(List.of("^drop", "add column"));
        assertThat(ignored.ignores("DROP TABLE t")).isTrue();
        assertThat(ignored.ignores("ALTER TABLE t ADD COLUMN c INT")).isTrue();
        assertThat(ignored.ignores("CREATE TABLE drop_log (id INT)")).isFalse();
    }

    @Test
    void matchingIsCaseInsensitive() {
        assertThat(IgnoredSql.parse(List.of("Truncate")).ignores("truncate table t")).isTrue();
    }

    @Test
    void eachRegexIsAnAlternativeOfItsOwn() {
        IgnoredSql ignored = IgnoredSql.parse(List.of("^create table a", "b$"));
        assertThat(ignored.ignores("create table x")).isFalse();
        assertThat(ignored.ignores("drop table b")).isTrue();
    }

    @Test
    void anEmptyListIgnoresNothing() {
        assertThat(IgnoredSql.parse(List.of()).ignores("DROP TABLE t")).isFalse();
    }

    @Test
    void anEmptyRegexIgnoresEveryDdlAsInTiCdc() {
        assertThat(IgnoredSql.parse(List.of("")).ignores("CREATE TABLE t (id INT)")).isTrue();
    }

    @Test
    void re2SyntaxIsTranslated() {
        assertThat(IgnoredSql.parse(List.of("t{")).ignores("alter table t{x")).isTrue();
    }

    @Test
    void anInvalidRegexIsRefusedRatherThanDroppedSilently() {
        assertThatThrownBy(() -> IgnoredSql.parse(List.of("ok", "(unclosed")))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILTER_RULE_INVALID))
                .hasMessageContaining("ignore_sql \"(unclosed\"")
                .hasMessageContaining("Unclosed group");
    }

    @Test
    void javaOnlySyntaxIsRefused() {
        assertThatThrownBy(() -> IgnoredSql.parse(List.of("drop(?=x)")))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILTER_RULE_INVALID))
                .hasMessageContaining("lookaround");
    }
}
