package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.error.CdcException;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.TransactionCommit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binlog groups that are not one plain transaction, read from a real MariaDB 10.11: XA transactions, CREATE
 * TABLE ... SELECT, statement-format DML, and DDL of triggers and routines.
 */
class BinlogGroupsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
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

    private static long binlogPosition() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            status.next();
            return status.getLong(2);
        }
    }

    private static List<Object> ids(List<RowChange> rows) {
        return rows.stream().map(row -> row.after().orElseThrow().value(0).orElseThrow()).toList();
    }

    private static TransactionCommit commitOf(RecordingSink sink, long rowId) {
        List<ChangeEvent> events = sink.transactional();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RowBatch batch && ids(batch.rows()).contains(rowId)) {
                for (int j = i + 1; j < events.size(); j++) {
                    if (events.get(j) instanceof TransactionCommit commit) {
                        return commit;
                    }
                }
            }
        }
        throw new AssertionError("no commit after row " + rowId);
    }

    /**
     * Commits or rolls back an XA transaction prepared by a connection that was just closed: the server detaches
     * it from that session asynchronously, and until then answers XAER_NOTA.
     */
    private static void finishDetached(String statement) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> server.execute(statement));
    }

    @Test
    void xaTransactionsArriveAtTheirCommitInCommitOrderAndNotAtRollback() throws Exception {
        server.execute("CREATE DATABASE xa", "CREATE TABLE xa.t (id INT PRIMARY KEY, v INT)");
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1))) {
            long prepareAt = binlogPosition();
            server.execute("XA START 'x1'", "INSERT INTO xa.t VALUES (1, 1), (2, 2)", "XA END 'x1'", "XA PREPARE 'x1'");
            server.execute("INSERT INTO xa.t VALUES (10, 10)");
            server.execute("XA START 'x2'", "INSERT INTO xa.t VALUES (3, 3)", "XA END 'x2'", "XA PREPARE 'x2'");
            finishDetached("XA ROLLBACK 'x2'");
            finishDetached("XA COMMIT 'x1'");
            server.execute("XA START 'x3'", "INSERT INTO xa.t VALUES (4, 4)", "XA END 'x3'", "XA COMMIT 'x3' ONE PHASE");
            server.execute("INSERT INTO xa.t VALUES (11, 11)");
            await().atMost(WAIT).until(() -> sink.rows().size() >= 5);

            assertThat(reader.failure()).isEmpty();
            assertThat(ids(sink.rows())).containsExactly(10L, 1L, 2L, 4L, 11L);
            List<Long> commitTs = sink.commits().stream().map(TransactionCommit::commitTs).toList();
            assertThat(commitTs).isSorted().doesNotHaveDuplicates();
            TransactionCommit x1 = commitOf(sink, 1L);
            assertThat(sink.rows().subList(1, 3)).allMatch(row -> row.commitTs() == x1.commitTs());
            assertThat(x1.commitTs()).isGreaterThan(commitOf(sink, 10L).commitTs());
            // the transaction committed while x1 was prepared resumes before x1's XA PREPARE group
            assertThat(commitOf(sink, 10L).position().binlogPosition()).isEqualTo(prepareAt);
            assertThat(commitOf(sink, 11L).position().binlogPosition()).isEqualTo(binlogPosition());
        }
    }

    @Test
    void aReaderRestartedFromAPositionTakenWhileAnXaWasPreparedStillDeliversItsRowsAtItsCommit() throws Exception {
        server.execute("CREATE DATABASE xr", "CREATE TABLE xr.t (id INT PRIMARY KEY)");
        RecordingSink first = new RecordingSink();
        long prepareAt;
        try (BinlogReader reader = read(new StartPoint.Now(), first, new InMemoryTableIdAllocator(1))) {
            prepareAt = binlogPosition();
            server.execute("XA START 'y1'", "INSERT INTO xr.t VALUES (1)", "XA END 'y1'", "XA PREPARE 'y1'");
            await().atMost(WAIT).until(() -> first.events().stream().filter(ResolvedTs.class::isInstance)
                    .map(event -> ((ResolvedTs) event).position().binlogPosition())
                    .filter(position -> position == prepareAt).count() >= 2);
            server.execute("INSERT INTO xr.t VALUES (10)");
            await().atMost(WAIT).until(() -> first.rows().size() >= 1);
            await().atMost(WAIT).until(() -> first.commits().size() >= 1);
        }
        TransactionCommit checkpoint = commitOf(first, 10L);
        assertThat(first.rows()).extracting(row -> row.after().orElseThrow().value(0).orElseThrow()).containsExactly(10L);
        ReaderPosition saved = checkpoint.position();
        assertThat(saved.binlogPosition()).isEqualTo(prepareAt);

        finishDetached("XA COMMIT 'y1'");
        server.execute("INSERT INTO xr.t VALUES (11)");
        RecordingSink second = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.AtPosition(saved), second,
                InMemoryTableIdAllocator.from(saved.tableIds()))) {
            await().atMost(WAIT).until(() -> second.rows().size() >= 3);
            assertThat(reader.failure()).isEmpty();
        }
        assertThat(commitOf(second, 10L).commitTs()).isEqualTo(checkpoint.commitTs());
        List<RowChange> afterCheckpoint = second.rows().stream()
                .filter(row -> row.commitTs() > checkpoint.commitTs()).toList();
        assertThat(ids(afterCheckpoint)).containsExactly(1L, 11L);
        assertThat(afterCheckpoint.getFirst().table().tableId()).isEqualTo(first.rows().getFirst().table().tableId());
    }

    @Test
    void createTableSelectIsTheDdlThenItsRowsAndRestartsFromEitherPositionAreExact() throws Exception {
        server.execute("CREATE DATABASE ctas", "CREATE TABLE ctas.src (id INT PRIMARY KEY)",
                "INSERT INTO ctas.src VALUES (1), (2), (3)");
        RecordingSink first = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), first, new InMemoryTableIdAllocator(1))) {
            server.execute("CREATE TABLE ctas.copy AS SELECT * FROM ctas.src", "INSERT INTO ctas.copy VALUES (4)",
                    "INSERT INTO ctas.src VALUES (5)");
            await().atMost(WAIT).until(() -> first.rows().size() >= 5);
            assertThat(reader.failure()).isEmpty();
        }
        List<ChangeEvent> events = first.transactional();
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).startsWith("DdlEvent",
                "TransactionCommit", "RowBatch", "TransactionCommit", "RowBatch", "TransactionCommit");
        DdlEvent ddl = (DdlEvent) events.get(0);
        assertThat(ddl.type()).isEqualTo(DdlType.CREATE_TABLE);
        assertThat(ddl.tables()).extracting(table -> table.table()).containsExactly("copy");
        RowBatch copied = (RowBatch) events.get(2);
        assertThat(ids(copied.rows())).containsExactly(1L, 2L, 3L);
        assertThat(copied.commitTs()).isGreaterThan(ddl.commitTs());
        assertThat(ids(first.rows())).containsExactly(1L, 2L, 3L, 4L, 5L);

        for (TransactionCommit checkpoint : List.of((TransactionCommit) events.get(1), (TransactionCommit) events.get(3))) {
            RecordingSink again = new RecordingSink();
            try (BinlogReader reader = read(new StartPoint.AtPosition(checkpoint.position()), again,
                    InMemoryTableIdAllocator.from(checkpoint.position().tableIds()))) {
                await().atMost(WAIT).until(() -> again.rows().stream().anyMatch(row ->
                        row.after().orElseThrow().value(0).orElseThrow().equals(5L)));
                assertThat(reader.failure()).isEmpty();
            }
            List<ChangeEvent> replayed = again.transactional().stream().filter(event -> event.ts() > checkpoint.commitTs())
                    .toList();
            List<ChangeEvent> expected = events.stream().filter(event -> event.ts() > checkpoint.commitTs()).toList();
            assertThat(replayed).extracting(ChangeEvent::ts).containsExactlyElementsOf(
                    expected.stream().map(ChangeEvent::ts).toList());
            assertThat(ids(again.rows().stream().filter(row -> row.commitTs() > checkpoint.commitTs()).toList()))
                    .containsExactlyElementsOf(ids(first.rows().stream()
                            .filter(row -> row.commitTs() > checkpoint.commitTs()).toList()));
        }
    }

    @Test
    void statementFormatDmlOfASessionFailsTheReaderBeforeAnyCheckpointPassesIt() throws Exception {
        for (String format : List.of("STATEMENT", "MIXED")) {
            String schema = "stmt_" + format.toLowerCase();
            server.execute("CREATE DATABASE " + schema, "CREATE TABLE " + schema + ".t (id INT PRIMARY KEY)");
            RecordingSink sink = new RecordingSink();
            try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1))) {
                server.execute("INSERT INTO " + schema + ".t VALUES (1)");
                long statementAt = binlogPosition();
                server.execute("SET SESSION binlog_format='" + format + "'", "INSERT INTO " + schema + ".t VALUES (2)");
                server.execute("INSERT INTO " + schema + ".t VALUES (3)");
                await().atMost(WAIT).until(() -> reader.failure().isPresent());

                Throwable failure = reader.failure().orElseThrow();
                assertThat(failure).isInstanceOf(CdcException.class);
                assertThat(failure.getMessage()).contains("CDC:ErrUpstreamPrerequisite").contains("statement format")
                        .contains("INSERT INTO " + schema + ".t VALUES (2)").contains("binlog.0")
                        .contains("binlog_format=ROW").contains("start-ts");
                assertThat(ids(sink.rows())).containsExactly(1L);
                assertThat(sink.events()).allMatch(event -> !(event instanceof TransactionCommit commit)
                        || commit.position().binlogPosition() <= statementAt);
                assertThat(sink.events()).allMatch(event -> !(event instanceof ResolvedTs resolved)
                        || resolved.position().binlogPosition() <= statementAt);
            }
        }
    }

    @Test
    void triggersProceduresAndFunctionsAreNotReplicatedAndTheRowsATriggerWritesArriveOnce() throws Exception {
        server.execute("CREATE DATABASE trg", "CREATE TABLE trg.t (id INT PRIMARY KEY)",
                "CREATE TABLE trg.log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(20))");
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1))) {
            server.execute("CREATE TRIGGER trg.tr AFTER INSERT ON trg.t FOR EACH ROW INSERT INTO trg.log (msg) VALUES ('x')",
                    "CREATE DEFINER=CURRENT_USER PROCEDURE trg.p() BEGIN INSERT INTO trg.t VALUES (2); END",
                    "CREATE OR REPLACE FUNCTION trg.f() RETURNS INT DETERMINISTIC RETURN 1",
                    "INSERT INTO trg.t VALUES (1)", "CALL trg.p()", "DROP TRIGGER trg.tr", "DROP PROCEDURE trg.p",
                    "DROP FUNCTION IF EXISTS trg.f", "INSERT INTO trg.t VALUES (3)");
            await().atMost(WAIT).until(() -> sink.rows().stream().anyMatch(row -> row.table().name().table().equals("t")
                    && row.after().orElseThrow().value(0).orElseThrow().equals(3L)));
            assertThat(reader.failure()).isEmpty();
            assertThat(sink.ddls()).isEmpty();
            assertThat(sink.rows()).extracting(row -> row.table().name().table())
                    .containsExactly("t", "log", "t", "log", "t");
            assertThat(reader.isConnected()).isTrue();
        }
    }

    @Test
    void anEventTheReaderCannotReadFailsItNamingTheEventAndTheFix() throws Exception {
        server.execute("CREATE DATABASE comp", "CREATE TABLE comp.t (id INT PRIMARY KEY, note VARCHAR(300))");
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1))) {
            long compressedAt = binlogPosition();
            try {
                server.execute("SET GLOBAL log_bin_compress_min_len = 10", "SET GLOBAL log_bin_compress = ON");
                server.execute("INSERT INTO comp.t VALUES (1, REPEAT('x', 300))");
            } finally {
                server.execute("SET GLOBAL log_bin_compress = OFF");
            }
            server.execute("INSERT INTO comp.t VALUES (2, 'plain')");
            await().atMost(WAIT).until(() -> reader.failure().isPresent());
            assertThat(reader.failure().orElseThrow().getMessage()).contains("does not know")
                    .contains("SET GLOBAL log_bin_compress=OFF").contains("binlog.0");
            assertThat(sink.rows()).isEmpty();
            assertThat(sink.events()).allMatch(event -> !(event instanceof TransactionCommit commit)
                    || commit.position().binlogPosition() <= compressedAt);
        }
    }

    @Test
    void aRollbackToASavepointIsReplicatedExactlyOrFailsTheReader() throws Exception {
        server.execute("CREATE DATABASE sp", "CREATE TABLE sp.t (id INT PRIMARY KEY) ENGINE=InnoDB",
                "CREATE TABLE sp.m (id INT PRIMARY KEY) ENGINE=MyISAM");
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = read(new StartPoint.Now(), sink, new InMemoryTableIdAllocator(1));
             Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO sp.t VALUES (1)");
            statement.execute("SAVEPOINT s1");
            statement.execute("INSERT INTO sp.t VALUES (2)");
            statement.execute("ROLLBACK TO SAVEPOINT s1");
            statement.execute("SAVEPOINT s2");
            statement.execute("INSERT INTO sp.t VALUES (3)");
            statement.execute("INSERT INTO sp.m VALUES (30)");
            statement.execute("ROLLBACK TO s2");
            connection.commit();
            connection.setAutoCommit(true);
            server.execute("INSERT INTO sp.t VALUES (9)");
            await().atMost(WAIT).until(() -> reader.failure().isPresent() || ids(sink.rows()).contains(9L));
            if (reader.failure().isPresent()) {
                assertThat(reader.failure().get().getMessage()).contains("rolls back to a savepoint")
                        .contains("ROLLBACK TO `s2`").contains("non-transactional").contains("binlog.0");
                assertThat(ids(sink.rows())).doesNotContain(2L, 3L, 9L);
            } else {
                assertThat(sink.rows()).extracting(row -> row.table().name().table() + "="
                        + row.after().orElseThrow().value(0).orElseThrow()).containsExactlyInAnyOrder(
                        "t=1", "m=30", "t=9");
            }
        }
    }
}
