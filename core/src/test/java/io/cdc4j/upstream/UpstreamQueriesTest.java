package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The upstream's information_schema queries name only columns that MySQL 8.0/8.4 and MariaDB 10.5/10.11 document. */
class UpstreamQueriesTest {
    private static final InformationSchemaCatalog CATALOG = InformationSchemaCatalog.load();

    @Test
    void everyQueryRunOnMySqlNamesOnlyColumnsMySqlHas() {
        for (String server : new String[] {"mysql-8.0", "mysql-8.4"}) {
            for (String sql : UpstreamQueries.informationSchema(false)) {
                assertThat(CATALOG.missing(server, sql)).as(server + ": " + sql).isEmpty();
            }
        }
    }

    @Test
    void everyQueryRunOnMariaDbNamesOnlyColumnsMariaDbHas() {
        for (String server : new String[] {"mariadb-10.5", "mariadb-10.11"}) {
            for (String sql : UpstreamQueries.informationSchema(true)) {
                assertThat(CATALOG.missing(server, sql)).as(server + ": " + sql).isEmpty();
            }
        }
    }

    @Test
    void theMariaDbJsonCheckQueryWouldFailOnMySqlAndIsNotRunThere() {
        assertThat(CATALOG.missing("mysql-8.0", UpstreamQueries.MARIADB_JSON_CHECKS))
                .containsOnly("CHECK_CONSTRAINTS.TABLE_NAME");
        assertThat(UpstreamQueries.informationSchema(false)).doesNotContain(UpstreamQueries.MARIADB_JSON_CHECKS);
    }

    @Test
    void theCheckFindsAColumnOnlyOneServerHas() {
        assertThat(CATALOG.missing("mariadb-10.11",
                "SELECT s.EXPRESSION FROM information_schema.STATISTICS s WHERE s.IS_VISIBLE = 'YES'"))
                .containsExactly("STATISTICS.EXPRESSION", "STATISTICS.IS_VISIBLE");
        assertThat(CATALOG.missing("mysql-8.4", "SELECT IS_GENERATED FROM information_schema.COLUMNS"))
                .containsExactly("COLUMNS.IS_GENERATED");
        assertThat(CATALOG.missing("mysql-8.4", "SELECT a.X FROM information_schema.NOPE a"))
                .contains("table NOPE");
    }

    @Test
    void theBinlogEndIsAskedWithTheStatementTheServerKnows() {
        assertThat(UpstreamQueries.binlogStatus("10.11.6-MariaDB")).isEqualTo("SHOW MASTER STATUS");
        assertThat(UpstreamQueries.binlogStatus("11.4.2-MariaDB-log")).isEqualTo("SHOW MASTER STATUS");
        assertThat(UpstreamQueries.binlogStatus("8.0.39")).isEqualTo("SHOW MASTER STATUS");
        assertThat(UpstreamQueries.binlogStatus("8.2.0")).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(UpstreamQueries.binlogStatus("8.4.3")).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(UpstreamQueries.binlogStatus("9.1.0-commercial")).isEqualTo("SHOW BINARY LOG STATUS");
    }
}
