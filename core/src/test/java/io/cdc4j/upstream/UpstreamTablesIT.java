package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.TableName;
import io.cdc4j.schema.CreateTableReader;
import io.cdc4j.upstream.decode.ColumnHints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog queries on a real MariaDB 10.11: the listing that eligibility rests on (base tables only, and which have
 * a handle key), the column hints (JSON, generated columns, unique indexes), and the documented column sets the
 * query check of UpstreamQueriesTest uses.
 */
class UpstreamTablesIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE cat",
                "CREATE TABLE cat.pk (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE cat.uk_not_null (a INT NOT NULL, b INT NOT NULL, UNIQUE KEY (a, b))",
                "CREATE TABLE cat.uk_nullable (a INT NOT NULL, b INT NULL, UNIQUE KEY (a, b))",
                "CREATE TABLE cat.no_key (a INT, KEY (a))",
                "CREATE VIEW cat.a_view AS SELECT id FROM cat.pk",
                "CREATE SEQUENCE cat.a_sequence",
                "CREATE TABLE cat.hinted (id INT PRIMARY KEY, doc JSON, v VARCHAR(20),"
                        + " gv INT AS (id * 2) VIRTUAL, gs VARCHAR(25) AS (CONCAT(v, '!')) PERSISTENT,"
                        + " n INT NULL, p VARCHAR(30) NOT NULL, UNIQUE KEY u_n (n), UNIQUE KEY u_p (p(5)),"
                        + " UNIQUE KEY u_vn (v, n), KEY plain (v))");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void showCreateTableReadBackGivesTheHintsInformationSchemaGives() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            for (String table : List.of("pk", "uk_not_null", "uk_nullable", "no_key", "hinted")) {
                TableName name = new TableName("cat", table);
                String created = database.showCreateTable(name).orElseThrow();
                ColumnHints read = ColumnHints.of(CreateTableReader.read(created, "cat"), false);
                assertThat(new ColumnHints(read.jsonColumns(), read.generatedColumns(), read.uniqueIndexes()))
                        .as("%s from%n%s", table, created).isEqualTo(database.columnHints("cat", table));
            }
            assertThat(database.showCreateTable(new TableName("cat", "gone"))).isEmpty();
        }
    }

    @Test
    void listsBaseTablesWithWhetherTheyHaveAHandleKey() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            List<UpstreamTable> tables = database.tables().stream()
                    .filter(table -> table.name().schema().equals("cat"))
                    .toList();
            assertThat(tables).containsExactly(
                    new UpstreamTable(new TableName("cat", "hinted"), true),
                    new UpstreamTable(new TableName("cat", "no_key"), false),
                    new UpstreamTable(new TableName("cat", "pk"), true),
                    new UpstreamTable(new TableName("cat", "uk_not_null"), true),
                    new UpstreamTable(new TableName("cat", "uk_nullable"), false));
        }
    }

    @Test
    void aUniqueKeyWithANullableColumnIsNoHandleKeyForDecoding() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            assertThat(database.columnHints("cat", "uk_nullable").uniqueKeyColumns()).isEmpty();
            assertThat(database.columnHints("cat", "uk_not_null").uniqueKeyColumns()).containsExactly("a", "b");
        }
    }

    @Test
    void hintsNameJsonAndGeneratedColumnsAndEveryUniqueIndexWithItsPrefix() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            ColumnHints hints = database.columnHints("cat", "hinted");
            assertThat(hints.jsonColumns()).containsExactly("doc");
            assertThat(hints.generatedColumns()).containsExactlyInAnyOrder("gv", "gs");
            assertThat(hints.uniqueIndexes()).containsExactly(
                    new ColumnHints.Index("u_n", List.of("n"), List.of(0), true),
                    new ColumnHints.Index("u_p", List.of("p"), List.of(5), false),
                    new ColumnHints.Index("u_vn", List.of("v", "n"), List.of(0, 0), true));
            assertThat(hints.uniqueKeyColumns()).containsExactly("p");
        }
    }

    @Test
    void theDocumentedMariaDbColumnSetsAreTheRealOnes() throws Exception {
        InformationSchemaCatalog catalog = InformationSchemaCatalog.load();
        try (Connection connection = server.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema'"
                        + " AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            for (String table : List.of("COLUMNS", "STATISTICS", "TABLES", "CHECK_CONSTRAINTS", "COLLATIONS")) {
                statement.setString(1, table);
                Set<String> real = new LinkedHashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        real.add(rows.getString(1));
                    }
                }
                assertThat(real).as(table).containsExactlyElementsOf(catalog.columns("mariadb-10.11", table));
            }
        }
    }

    @Test
    void everyCatalogQueryRunsOnMariaDb() throws Exception {
        try (Connection connection = server.connect()) {
            for (String sql : UpstreamQueries.informationSchema(true)) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
                        statement.setString(i, "cat");
                    }
                    statement.executeQuery().close();
                }
            }
        }
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            assertThat(database.binlogEnd().position()).isPositive();
        }
    }
}
