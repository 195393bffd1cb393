package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.model.Tso;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions, DDL, commit ts, resume, start points and resolved ts against a real MariaDB binlog. */
class BinlogReaderIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static BinlogReader read(StartPoint start, RecordingSink sink, TableIdAllocator ids) {
        return BinlogReader.start(server.config(), start, sink, ReaderOptions.defaults(), ids, ReaderStatusListener.NONE);
    }

    @Test
    void transactionsKeepOrderGroupingAndSchemaChanges() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS shop");
        RecordingSink sink = new RecordingSink();
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(100);
        try (BinlogReader reader = read(new StartPoint.Now(), sink, ids);
             Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(20))");
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO shop.orders VALUES (1, 'one'), (2, 'two')");
            statement.execute("UPDATE shop.orders SET note = 'uno' WHERE id = 1");
            statement.execute("DELETE FROM shop.orders WHERE id = 2");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("ALTER TABLE shop.orders ADD COLUMN qty INT NOT NULL DEFAULT 7");
            statement.execute("INSERT INTO shop.orders VALUES (3, 'three', 3)");
            statement.execute("ALTER TABLE shop.orders DROP COLUMN note");
            statement.execute("INSERT INTO shop.orders VALUES (4, 4)");
            statement.execute("RENAME TABLE shop.orders TO shop.orders_old");
            statement.execute("INSERT INTO shop.orders_old VALUES (5, 5)");
            statement.execute("DROP TABLE shop.orders_old");
            statement.execute("CREATE TABLE shop.orders_old (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO shop.orders_old VALUES (6)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.commits().size() >= 11);

            List<ChangeEvent> events = sink.transactional();
            assertThat(events.get(0)).isInstanceOfSatisfying(DdlEvent.class, ddl -> {
                assertThat(ddl.type()).isEqualTo(DdlType.CREATE_TABLE);
                assertThat(ddl.tables()).containsExactly(new TableName("shop", "orders"));
            });
            assertThat(events.get(1)).isInstanceOf(TransactionCommit.class);
            RowBatch batch = (RowBatch) events.get(2);
            assertThat(batch.rows()).extracting(RowChange::kind)
                    .containsExactly(RowKind.INSERT, RowKind.INSERT, RowKind.UPDATE, RowKind.DELETE);
            assertThat(batch.rows().get(2).before().orElseThrow().value(1)).contains("one");
            assertThat(batch.rows().get(2).after().orElseThrow().value(1)).contains("uno");
            assertThat(events.get(3)).isInstanceOf(TransactionCommit.class);
            long orderId = batch.rows().getFirst().table().tableId();

            List<RowChange> rows = sink.rows();
            RowChange three = rows.get(4);
            assertThat(three.table().columns()).extracting(c -> c.name()).containsExactly("id", "note", "qty");
            assertThat(three.after().orElseThrow().value(2)).contains(3L);
            RowChange four = rows.get(5);
            assertThat(four.table().columns()).extracting(c -> c.name()).containsExactly("id", "qty");
            assertThat(four.after().orElseThrow().value(1)).contains(4L);
            RowChange five = rows.get(6);
            assertThat(five.table().name()).isEqualTo(new TableName("shop", "orders_old"));
            assertThat(five.table().tableId()).isEqualTo(orderId);
            RowChange six = rows.get(7);
            assertThat(six.table().tableId()).isNotEqualTo(orderId);

            assertThat(sink.ddls()).extracting(DdlEvent::type).containsExactly(DdlType.CREATE_TABLE,
                    DdlType.ADD_COLUMN, DdlType.DROP_COLUMN, DdlType.RENAME_TABLE, DdlType.DROP_TABLE,
                    DdlType.CREATE_TABLE);
            List<Long> ts = sink.commits().stream().map(TransactionCommit::commitTs).toList();
            assertThat(ts).isSorted().doesNotHaveDuplicates();
            for (ChangeEvent event : events) {
                if (event instanceof RowBatch rowBatch) {
                    assertThat(ts).contains(rowBatch.commitTs());
                }
            }
            assertThat(reader.failure()).isEmpty();
        }
    }

    @Test
    void rowsReadFarBehindBetweenDdlsGetTheColumnFactsOfTheirTimeNotTodays() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS hints");
        RecordingSink marker = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), marker, new InMemoryTableIdAllocator(1))) {
            server.execute("CREATE TABLE hints.mark (id INT PRIMARY KEY)", "INSERT INTO hints.mark VALUES (1)");
            await().atMost(Duration.ofSeconds(30)).until(() -> !marker.commits().isEmpty());
        }
        server.execute("CREATE TABLE hints.t (id INT PRIMARY KEY, doc LONGTEXT, k INT NULL)",
                "INSERT INTO hints.t VALUES (1, '{\"a\":1}', 1)",
                "ALTER TABLE hints.t MODIFY doc JSON",
                "INSERT INTO hints.t VALUES (2, '{\"b\":2}', 2)",
                "ALTER TABLE hints.t MODIFY k INT NOT NULL, ADD UNIQUE KEY uk (k)",
                "INSERT INTO hints.t VALUES (3, '{\"c\":3}', 3)",
                "ALTER TABLE hints.t DROP COLUMN doc, DROP INDEX uk",
                "ALTER TABLE hints.t CONVERT TO CHARACTER SET utf8mb4",
                "INSERT INTO hints.t VALUES (4, 4)");
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.AtPosition(marker.commits().getLast().position()), sink,
                new InMemoryTableIdAllocator(1))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 4);
        }
        List<RowChange> rows = sink.rows();
        assertThat(rows.get(3).table().columns()).as("after a DDL the catalog cannot apply, the table is read from"
                + " the upstream again").extracting(ColumnInfo::name).containsExactly("id", "k");
        assertThat(rows.get(0).table().columns().get(1).type()).as("doc before it became JSON")
                .isEqualTo(ColumnType.TEXT);
        assertThat(rows.get(1).table().columns().get(1).type()).as("doc once JSON").isEqualTo(ColumnType.JSON);
        assertThat(rows.get(1).table().uniqueKeys()).as("no unique key yet").isEmpty();
        assertThat(rows.get(2).table().uniqueKeys()).as("the unique key added before row 3, dropped since")
                .hasSize(1);
    }

    @Test
    void aReaderBehindDdlsItsLoadAlreadyShowsRaisesNoFalseMismatchAndChecksTheUntouchedTablesOnceItIsPast()
            throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS win", "CREATE TABLE win.t (id INT PRIMARY KEY, a INT)",
                "CREATE TABLE win.u (id INT PRIMARY KEY, a INT)");
        RecordingSink marker = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), marker, new InMemoryTableIdAllocator(1))) {
            server.execute("INSERT INTO win.u VALUES (100, 100)");
            await().atMost(Duration.ofSeconds(30)).until(() -> !marker.commits().isEmpty());
        }
        server.execute("INSERT INTO win.t VALUES (1, 1)", "ALTER TABLE win.t ADD COLUMN b INT",
                "INSERT INTO win.t VALUES (2, 2, 2)", "INSERT INTO win.u VALUES (1, 1)");
        RecordingSink sink = new RecordingSink();
        RecordingListener listener = new RecordingListener();
        try (BinlogReader reader = BinlogReader.start(server.config(),
                new StartPoint.AtPosition(marker.commits().getLast().position()), sink, ReaderOptions.defaults(),
                new InMemoryTableIdAllocator(1), listener)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 3);
            List<RowChange> rows = sink.rows();
            assertThat(rows.get(0).table().columns()).as("a row from before the ALTER the load already shows")
                    .extracting(ColumnInfo::name).containsExactly("id", "a");
            assertThat(rows.get(1).table().columns()).extracting(ColumnInfo::name).containsExactly("id", "a", "b");
            assertThat(listener.failures()).isEmpty();

            server.execute("INSERT INTO win.u VALUES (2, 2)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 4);
            try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_log_bin = 0");
                statement.execute("ALTER TABLE win.u ADD COLUMN hidden INT");
                statement.execute("SET SESSION sql_log_bin = 1");
                statement.execute("INSERT INTO win.u VALUES (3, 3, 3)");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !listener.failures().isEmpty());
            assertThat(listener.failures().getFirst()).isInstanceOfSatisfying(CdcException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
                    .hasMessageContaining("[id, a, hidden]").hasMessageContaining("[id, a]");
            assertThat(sink.rows()).as("the row of the changed table is not delivered").hasSize(4);
        }
    }

    @Test
    void resumingFromASavedPositionGivesTheSameFollowingTransactionsWithTheSameTs() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS resume", "CREATE TABLE IF NOT EXISTS resume.t (id INT PRIMARY KEY)");
        RecordingSink first = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), first, new InMemoryTableIdAllocator(1))) {
            for (int i = 1; i <= 10; i++) {
                server.execute("INSERT INTO resume.t VALUES (" + i + ")");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.commits().size() >= 10);
        }
        TransactionCommit checkpoint = first.commits().get(3);
        List<TransactionCommit> expected = first.commits().subList(4, 10);
        RecordingSink second = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.AtPosition(checkpoint.position()), second,
                new InMemoryTableIdAllocator(1))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> second.commits().size() >= 6);
        }
        assertThat(second.commits().subList(0, 6)).extracting(TransactionCommit::commitTs)
                .containsExactlyElementsOf(expected.stream().map(TransactionCommit::commitTs).toList());
        assertThat(second.rows().getFirst().after().orElseThrow().value(0)).contains(5L);
        assertThat(second.rows().getFirst().commitTs()).isGreaterThan(checkpoint.commitTs());
    }

    @Test
    void tableIdsTravelWithThePositionAcrossARestartAndARename() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS ids", "CREATE TABLE IF NOT EXISTS ids.first (id INT PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS ids.second (id INT PRIMARY KEY)");
        RecordingSink first = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), first, new InMemoryTableIdAllocator(1))) {
            server.execute("INSERT INTO ids.second VALUES (1)", "INSERT INTO ids.first VALUES (1)");
            await().atMost(Duration.ofSeconds(30)).until(() -> first.commits().size() >= 2);
        }
        TransactionCommit checkpoint = first.commits().get(1);
        long firstId = first.rows().get(1).table().tableId();
        assertThat(checkpoint.position().tableIds().ids()).containsEntry("`ids`.`first`", firstId);
        String json = JSON.writeValueAsString(checkpoint.position());
        var saved = JSON.readValue(json, ReaderPosition.class);

        server.execute("RENAME TABLE ids.first TO ids.renamed", "INSERT INTO ids.renamed VALUES (2)");
        RecordingSink second = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.AtPosition(saved), second,
                InMemoryTableIdAllocator.from(saved.tableIds()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !second.rows().isEmpty());
        }
        assertThat(second.rows().getFirst().table().name().table()).isEqualTo("renamed");
        assertThat(second.rows().getFirst().table().tableId()).isEqualTo(firstId);
    }

    @Test
    void aPastStartTsStartsWithTheFirstTransactionAfterIt() throws Exception {
        server.execute("CREATE DATABASE IF NOT EXISTS past", "CREATE TABLE IF NOT EXISTS past.t (id INT PRIMARY KEY)",
                "INSERT INTO past.t VALUES (1)");
        long upstreamNow;
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            long start = database.nowMillis();
            await().atMost(Duration.ofSeconds(5)).until(() -> database.nowMillis() / 1000 > start / 1000 + 1);
            upstreamNow = database.nowMillis();
        }
        server.execute("INSERT INTO past.t VALUES (2)", "INSERT INTO past.t VALUES (3)");
        RecordingSink sink = new RecordingSink();
        long startTs = Tso.compose(upstreamNow / 1000 * 1000 - 1, 0);
        try (BinlogReader reader = read(new StartPoint.AtTs(startTs), sink, new InMemoryTableIdAllocator(1))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 2);
        }
        assertThat(sink.rows()).extracting(row -> row.after().orElseThrow().value(0).orElseThrow())
                .startsWith(2L, 3L);
        assertThat(sink.commits().getFirst().commitTs()).isGreaterThan(startTs);
    }

    @Test
    void aStartTsBeforeTheOldestBinlogIsRefused() {
        long longAgo = Tso.compose(System.currentTimeMillis() - Duration.ofDays(3).toMillis(), 0);
        assertThatThrownBy(() -> read(new StartPoint.AtTs(longAgo), new RecordingSink(), new InMemoryTableIdAllocator(1)))
                .isInstanceOfSatisfying(CdcException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.START_TS_BEFORE_GC);
                    assertThat(e.getMessage()).contains("CDC:ErrStartTsBeforeGC").contains("oldest binlog")
                            .contains(String.valueOf(longAgo));
                });
    }

    @Test
    void resolvedTsAdvancesWhileTheUpstreamIsIdle() {
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> resolved(sink).size() >= 3);
            List<Long> resolved = resolved(sink);
            assertThat(resolved).isSorted();
            assertThat(resolved.getLast()).isGreaterThan(resolved.getFirst());
            assertThat(Tso.physical(resolved.getLast())).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5000L));
        }
    }

    private static List<Long> resolved(RecordingSink sink) {
        return sink.events().stream().filter(ResolvedTs.class::isInstance).map(ChangeEvent::ts).toList();
    }

    @Test
    void anUnreachableUpstreamIsReportedClearly() {
        UpstreamConfig unreachable = UpstreamUri.parse("mysql://root:@127.0.0.1:1/");
        assertThatThrownBy(() -> BinlogReader.start(unreachable, new StartPoint.Now(), new RecordingSink(),
                ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), ReaderStatusListener.NONE))
                .isInstanceOfSatisfying(CdcException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_CONNECTION);
                    assertThat(e.getMessage()).contains("127.0.0.1:1").contains("reachable");
                });
    }
}
