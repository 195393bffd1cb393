package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableFilterTest {

    /** Every table row of the examples table in filters.md section 1 (default case_sensitive=false). */
    static Stream<Arguments> examplesTable() {
        return Stream.of(
                Arguments.of(List.of("*.*"), "shop", "orders", true),
                Arguments.of(List.of("*.*"), "mysql", "user", false),
                Arguments.of(List.of("test1.*"), "test1", "a", true),
                Arguments.of(List.of("test1.*"), "test2", "a", false),
                Arguments.of(List.of("*.*", "!scm1.tbl2"), "scm1", "tbl2", false),
                Arguments.of(List.of("*.*", "!scm1.tbl2"), "scm1", "tbl3", true),
                Arguments.of(List.of("!scm1.tbl2"), "scm1", "tbl2", false),
                Arguments.of(List.of("!scm1.tbl2"), "scm1", "tbl3", false),
                Arguments.of(List.of("!scm1.tbl2"), "other", "t", false),
                Arguments.of(List.of("scm1.tidb_*"), "scm1", "tidb_", true),
                Arguments.of(List.of("scm1.tidb_*"), "scm1", "tidb_x", true),
                Arguments.of(List.of("scm1.tidb_*"), "scm1", "xtidb_a", false),
                Arguments.of(List.of("db?.t"), "db1", "t", true),
                Arguments.of(List.of("db?.t"), "db10", "t", false),
                Arguments.of(List.of("db?.t"), "db", "t", false),
                Arguments.of(List.of("db[0-9].tbl[0-9a-f][0-9a-f]"), "db3", "tbl0f", true),
                Arguments.of(List.of("db[0-9].tbl[0-9a-f][0-9a-f]"), "db3", "tbl0g", false),
                Arguments.of(List.of("db[!0-9].t"), "dbx", "t", true),
                Arguments.of(List.of("db[!0-9].t"), "db1", "t", false),
                Arguments.of(List.of("employees.*", "!*.dep*", "*.departments"), "employees", "employees", true),
                Arguments.of(List.of("employees.*", "!*.dep*", "*.departments"), "employees", "dept_emp", false),
                Arguments.of(List.of("employees.*", "!*.dep*", "*.departments"), "employees", "departments", true),
                Arguments.of(List.of("employees.*", "!*.dep*", "*.departments"), "else", "departments", true),
                Arguments.of(List.of("employees.*", "!*.dep*", "*.departments"), "x", "y", false),
                Arguments.of(List.of("/^db\\d{2,}$/./^tbl/"), "db01", "tbl_x", true),
                Arguments.of(List.of("/^db\\d{2,}$/./^tbl/"), "db1", "tbl", false),
                Arguments.of(List.of("/^db\\d{2,}$/./^tbl/"), "db01", "mytbl", false),
                Arguments.of(List.of("/b/.*"), "db01", "x", true),
                Arguments.of(List.of("\"db.with.dots\".*"), "db.with.dots", "t", true),
                Arguments.of(List.of("`db.with.dots`.*"), "db.with.dots", "t", true),
                Arguments.of(List.of("db\\.with\\.dots.*"), "db.with.dots", "t", true),
                Arguments.of(List.of("`my-db`.*"), "my-db", "t", true),
                Arguments.of(List.of("my\\-db.*"), "my-db", "t", true),
                Arguments.of(List.of("Shop.Orders"), "shop", "orders", true));
    }

    @ParameterizedTest(name = "{0} on {1}.{2} -> {3}")
    @MethodSource("examplesTable")
    void examplesTableRows(List<String> rules, String schema, String table, boolean included) {
        assertThat(TableFilter.of(rules, false).matchTable(schema, table)).isEqualTo(included);
    }

    @Test
    void quotedAndEscapedDotsDoNotMatchOtherSchemas() {
        for (String rule : List.of("\"db.with.dots\".*", "`db.with.dots`.*", "db\\.with\\.dots.*")) {
            TableFilter filter = TableFilter.of(List.of(rule), false);
            assertThat(filter.matchTable("db", "with")).as(rule).isFalse();
            assertThat(filter.matchTable("dbxwithxdots", "t")).as(rule).isFalse();
        }
    }

    @Test
    void caseSensitiveRulesCompareExactly() {
        TableFilter filter = TableFilter.of(List.of("Shop.Orders"), true);
        assertThat(filter.matchTable("shop", "orders")).isFalse();
        assertThat(filter.matchTable("Shop", "Orders")).isTrue();
    }

    @Test
    void caseInsensitiveRulesFoldNamesAsWell() {
        TableFilter filter = TableFilter.of(List.of("shop.orders"), false);
        assertThat(filter.matchTable("SHOP", "Orders")).isTrue();
    }

    @Test
    void caseInsensitiveWildcardsAndRegexesIgnoreCase() {
        TableFilter filter = TableFilter.of(List.of("S[A-C]*.t?", "/^LOG/.*"), false);
        assertThat(filter.matchTable("sales", "T1")).isTrue();
        assertThat(filter.matchTable("logs", "x")).isTrue();
    }

    @Test
    void caseSensitiveWildcardsAndRegexesRespectCase() {
        TableFilter filter = TableFilter.of(List.of("S[A-C]*.t?", "/^LOG/.*"), true);
        assertThat(filter.matchTable("sales", "t1")).isFalse();
        assertThat(filter.matchTable("SAles", "t1")).isTrue();
        assertThat(filter.matchTable("logs", "x")).isFalse();
        assertThat(filter.matchTable("LOGS", "x")).isTrue();
    }

    @Test
    void caseInsensitiveFoldingCoversNonAsciiLetters() {
        TableFilter filter = TableFilter.of(List.of("ÉTÉ.*", "/^straße$/.*"), false);
        assertThat(filter.matchTable("été", "t")).isTrue();
        assertThat(filter.matchTable("STRASSE", "t")).isFalse();
        assertThat(filter.matchTable("Straße", "t")).isTrue();
    }

    @Test
    void emptyRulesMeanAllTables() {
        TableFilter filter = TableFilter.of(List.of(), true);
        assertThat(filter.matchTable("any", "thing")).isTrue();
        assertThat(filter.matchSchema("any")).isTrue();
    }

    @Test
    void rulesThatAreAllCommentsExcludeEverything() {
        TableFilter filter = TableFilter.of(List.of("# nothing yet", "  "), false);
        assertThat(filter.matchTable("any", "thing")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "sys", "information_schema", "performance_schema", "metrics_schema",
        "inspection_schema", "tidb_cdc", "lightning_task_info", "workload_schema", "MySQL",
        "INFORMATION_SCHEMA", "Performance_Schema"})
    void systemSchemasAreExcludedWhateverTheRulesAndCase(String schema) {
        for (boolean caseSensitive : new boolean[] {true, false}) {
            TableFilter filter = TableFilter.of(List.of("*.*", schema + ".*"), caseSensitive);
            assertThat(filter.matchTable(schema, "t")).isFalse();
            assertThat(filter.matchSchema(schema)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql2", "my_sql", "sys_data", "tidb_cdc_x"})
    void namesResemblingSystemSchemasAreNotExcluded(String schema) {
        TableFilter filter = TableFilter.of(List.of("*.*"), false);
        assertThat(filter.matchTable(schema, "t")).isTrue();
        assertThat(filter.matchSchema(schema)).isTrue();
    }

    @Test
    void createDatabaseIsExcludedByAnExcludingRuleOnTheWholeSchema() {
        assertThat(TableFilter.of(List.of("*.*", "!test.*"), false).matchSchema("test")).isFalse();
    }

    @Test
    void createDatabaseIsNotExcludedByAnExcludingRuleOnOneTable() {
        assertThat(TableFilter.of(List.of("*.*", "!test.t1"), false).matchSchema("test")).isTrue();
    }

    @Test
    void createDatabaseIsIncludedWhenAnyTableOfItIsIncluded() {
        assertThat(TableFilter.of(List.of("test.t1"), false).matchSchema("test")).isTrue();
        assertThat(TableFilter.of(List.of("test.t1"), false).matchSchema("other")).isFalse();
    }

    @Test
    void onlyABareStarCountsAsTheWholeSchemaForExclusion() {
        assertThat(TableFilter.of(List.of("*.*", "!test.**"), false).matchSchema("test")).isTrue();
        assertThat(TableFilter.of(List.of("*.*", "!test./.*/"), false).matchSchema("test")).isTrue();
        assertThat(TableFilter.of(List.of("*.*", "!test.`*`"), false).matchSchema("test")).isTrue();
    }

    @Test
    void schemaLevelExclusionCanBeOverriddenByALaterRule() {
        assertThat(TableFilter.of(List.of("!test.*", "test.t1"), false).matchSchema("test")).isTrue();
        assertThat(TableFilter.of(List.of("test.t1", "!test.*"), false).matchSchema("test")).isFalse();
    }

    @Test
    void schemaLevelMatchingWithoutAnyRuleForTheSchemaExcludes() {
        assertThat(TableFilter.of(List.of("!test.*"), false).matchSchema("test")).isFalse();
        assertThat(TableFilter.of(List.of("!test.t1"), false).matchSchema("test")).isFalse();
    }

    @Test
    void schemaLevelMatchingHonoursCaseSensitivity() {
        assertThat(TableFilter.of(List.of("Test.t1"), true).matchSchema("test")).isFalse();
        assertThat(TableFilter.of(List.of("Test.t1"), false).matchSchema("TEST")).isTrue();
    }
}
