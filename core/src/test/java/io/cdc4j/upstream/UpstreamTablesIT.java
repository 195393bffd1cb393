package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.TableName;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog listing that eligibility rests on: base tables only, and which have a handle key. */
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
                "CREATE SEQUENCE cat.a_sequence");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void listsBaseTablesWithWhetherTheyHaveAHandleKey() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            List<UpstreamTable> tables = database.tables().stream()
                    .filter(table -> table.name().schema().equals("cat"))
                    .toList();
            assertThat(tables).containsExactly(
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
}
