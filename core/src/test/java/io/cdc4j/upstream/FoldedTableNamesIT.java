package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB with {@code lower_case_table_names=1}: names are stored lower-case, so a DDL naming a table in
 * another case changes the same table, and its id follows.
 */
class FoldedTableNamesIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.startWith("--lower-case-table-names=1");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aTableNamedInAnotherCaseKeepsItsIdThroughARename() throws Exception {
        server.execute("CREATE DATABASE Folded", "CREATE TABLE Folded.Foo (id INT PRIMARY KEY)");
        RecordingSink sink = new RecordingSink();
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config());
             BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(), sink,
                     ReaderOptions.defaults(), InMemoryTableIdAllocator.from(TableIds.EMPTY,
                             TableNameCase.of(database)), ReaderStatusListener.NONE)) {
            assertThat(TableNameCase.of(database)).isEqualTo(TableNameCase.FOLDED);
            server.execute("INSERT INTO Folded.FOO VALUES (1)", "RENAME TABLE FOLDED.FOO TO Folded.Bar",
                    "INSERT INTO folded.bar VALUES (2)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 2);

            List<RowChange> rows = sink.rows();
            assertThat(rows).extracting(row -> row.table().name())
                    .containsExactly(new TableName("folded", "foo"), new TableName("folded", "bar"));
            assertThat(rows.get(1).table().tableId()).isEqualTo(rows.get(0).table().tableId());
            assertThat(reader.failure()).isEmpty();
        }
    }
}
