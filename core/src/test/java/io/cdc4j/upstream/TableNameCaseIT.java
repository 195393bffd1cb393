package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tables whose names differ only in case, on a MariaDB with {@code lower_case_table_names=0} (the Linux
 * default): read through the binlog they are two tables with two ids, in one transaction or in several, and a
 * rename or drop of one leaves the other's id alone.
 */
class TableNameCaseIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theUpstreamSaysItComparesNamesExactly() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            assertThat(TableNameCase.of(database)).isEqualTo(TableNameCase.EXACT);
        }
    }

    @Test
    void tableDetailsFromInformationSchemaAreThoseOfTheTableInItsExactCase() throws Exception {
        server.execute("CREATE DATABASE k",
                "CREATE TABLE k.Keyed (id INT NULL, u INT NOT NULL, UNIQUE KEY uk (u))",
                "CREATE TABLE k.keyed (id INT NULL, u INT NULL, UNIQUE KEY uk (u))");
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            assertThat(database.columnHints("k", "Keyed").uniqueKeyColumns()).containsExactly("u");
            assertThat(database.columnHints("k", "keyed").uniqueKeyColumns()).isEmpty();
            assertThat(database.tables()).filteredOn(table -> table.name().schema().equals("k"))
                    .containsExactlyInAnyOrder(
                    new UpstreamTable(new TableName("k", "Keyed"), true),
                    new UpstreamTable(new TableName("k", "keyed"), false));
        }
    }

    @Test
    void namesDifferingOnlyInCaseAreTwoTablesWithTwoIds() throws Exception {
        server.execute("CREATE DATABASE d", "CREATE DATABASE D");
        RecordingSink sink = new RecordingSink();
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config());
             BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(), sink,
                     ReaderOptions.defaults(), InMemoryTableIdAllocator.from(TableIds.EMPTY,
                             TableNameCase.of(database)), ReaderStatusListener.NONE);
             Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE d.Foo (id INT PRIMARY KEY, v VARCHAR(10))");
            statement.execute("CREATE TABLE d.foo (id INT PRIMARY KEY, v VARCHAR(10))");
            statement.execute("CREATE TABLE D.foo (id INT PRIMARY KEY, v VARCHAR(10))");
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO d.Foo VALUES (1, 'upper')");
            statement.execute("INSERT INTO d.foo VALUES (1, 'lower')");
            statement.execute("INSERT INTO D.foo VALUES (1, 'schema')");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("INSERT INTO d.foo VALUES (2, 'lower')");
            statement.execute("INSERT INTO d.Foo VALUES (2, 'upper')");
            statement.execute("RENAME TABLE d.Foo TO d.Bar");
            statement.execute("INSERT INTO d.Bar VALUES (3, 'upper')");
            statement.execute("INSERT INTO d.foo VALUES (3, 'lower')");
            statement.execute("DROP TABLE d.Bar");
            statement.execute("INSERT INTO d.foo VALUES (4, 'lower')");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 8);

            List<RowChange> rows = sink.rows();
            assertThat(rows).extracting(row -> row.table().name()).containsExactly(new TableName("d", "Foo"),
                    new TableName("d", "foo"), new TableName("D", "foo"), new TableName("d", "foo"),
                    new TableName("d", "Foo"), new TableName("d", "Bar"), new TableName("d", "foo"),
                    new TableName("d", "foo"));
            Function<Integer, Long> id = i -> rows.get(i).table().tableId();
            assertThat(List.of(id.apply(0), id.apply(1), id.apply(2))).as("one transaction, three tables")
                    .doesNotHaveDuplicates();
            assertThat(id.apply(3)).isEqualTo(id.apply(1));
            assertThat(id.apply(4)).isEqualTo(id.apply(0));
            assertThat(id.apply(5)).as("the renamed table keeps its id").isEqualTo(id.apply(0));
            assertThat(id.apply(6)).as("the other is untouched by the rename").isEqualTo(id.apply(1));
            assertThat(id.apply(7)).as("and by the drop").isEqualTo(id.apply(1));
            assertThat(rows).extracting(row -> row.after().orElseThrow().value(1).orElseThrow())
                    .containsExactly("upper", "lower", "schema", "lower", "upper", "upper", "lower", "lower");
            assertThat(reader.failure()).isEmpty();
        }
    }
}
