package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures no reconnect can cure stop the reader at once with the error that names the cause and the fix: a
 * purged resume file, another replica under the reader's server id, an {@link Error} on one of its threads.
 */
class FatalUpstreamErrorsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE f", "CREATE TABLE f.t (id INT PRIMARY KEY)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPurgedResumeFileFailsTheReaderWithSnapshotLostByGc() throws Exception {
        ReaderPosition old = endOfBinlog();
        server.execute("INSERT INTO f.t VALUES (100)", "FLUSH BINARY LOGS");
        String newest = endOfBinlog().binlogFile();
        await().atMost(DEADLINE).until(() -> {
            server.execute("PURGE BINARY LOGS TO '" + newest + "'");
            return oldestBinlog().equals(newest);
        });
        RecordingListener listener = new RecordingListener();
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.AtPosition(old),
                new RecordingSink(), ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), listener)) {
            await().atMost(DEADLINE).until(() -> reader.failure().isPresent());
            CdcException error = (CdcException) reader.failure().orElseThrow();
            assertThat(error.errorCode()).isEqualTo(ErrorCode.SNAPSHOT_LOST_BY_GC);
            assertThat(error.getMessage())
                    .contains("binlog " + old.binlogFile() + " at position " + old.binlogPosition())
                    .contains("error 1236")
                    .contains("Could not find first log file name in binary log index file")
                    .contains("the oldest binlog the server still has is " + newest)
                    .contains("Create a new changefeed with a start-ts after")
                    .contains("binlog_expire_logs_seconds").contains("expire_logs_days");
            assertThat(listener.failures()).containsExactly(error);
            assertThat(listener.losses()).as("no reconnect after a fatal answer").isEmpty();
            assertThat(listener.connects()).isEqualTo(1);
        }
    }

    @Test
    void twoReadersWithOneServerIdEndWithTheClashErrorAndAnotherIdReadsOn() throws Exception {
        UpstreamConfig shared = server.config().withServerId(7_000_001);
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        RecordingSink bystanderSink = new RecordingSink();
        RecordingListener bystander = new RecordingListener();
        try (BinlogReader one = BinlogReader.start(shared, new StartPoint.Now(), new RecordingSink(),
                ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), first);
             BinlogReader other = BinlogReader.start(server.config().withServerId(7_000_002), new StartPoint.Now(),
                     bystanderSink, ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), bystander)) {
            await().atMost(DEADLINE).until(one::isConnected);
            try (BinlogReader two = BinlogReader.start(shared, new StartPoint.Now(), new RecordingSink(),
                    ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), second)) {
                await().atMost(DEADLINE).until(() -> one.failure().isPresent() || two.failure().isPresent());
                BinlogReader failed = one.failure().isPresent() ? one : two;
                CdcException error = (CdcException) failed.failure().orElseThrow();
                assertThat(error.errorCode()).isEqualTo(ErrorCode.CHANGEFEED_UNRETRYABLE);
                assertThat(error.getMessage()).contains("server id 7000001")
                        .contains("A slave with the same server_uuid/server_id as this slave has connected")
                        .contains("set ?server-id= in the upstream URI");
                server.execute("INSERT INTO f.t VALUES (200)");
                await().atMost(DEADLINE).until(() -> bystanderSink.rows().size() == 1);
                assertThat(first.losses()).as("the clash is not retried").isEmpty();
                assertThat(second.losses()).isEmpty();
                assertThat(first.failures().size() + second.failures().size()).isEqualTo(1);
                assertThat(bystander.losses()).isEmpty();
                assertThat(other.failure()).isEmpty();
            }
        }
    }

    @Test
    void anErrorInTheSinkFailsTheReaderWithItsCause() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(),
                new OutOfMemorySink(), ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), listener)) {
            server.execute("INSERT INTO f.t VALUES (300)");
            await().atMost(DEADLINE).until(() -> reader.failure().isPresent());
            assertThat(reader.failure().orElseThrow()).hasRootCauseInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("the change event sink failed with java.lang.OutOfMemoryError");
            assertThat(listener.failures()).hasSize(1);
        }
    }

    @Test
    void anErrorOnTheReaderThreadFailsTheReaderWithItsCause() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(), new RecordingSink(),
                ReaderOptions.defaults(), new OverflowingTableIds(), listener)) {
            server.execute("INSERT INTO f.t VALUES (400)");
            await().atMost(DEADLINE).until(() -> reader.failure().isPresent());
            assertThat(reader.failure().orElseThrow()).hasRootCauseInstanceOf(StackOverflowError.class)
                    .hasMessageContaining("the binlog reader thread died of java.lang.StackOverflowError");
            assertThat(listener.failures()).hasSize(1);
            assertThat(listener.losses()).isEmpty();
        }
    }

    /** The oldest binlog the server keeps: a file a closed reader's dump thread still reads is not purged yet. */
    private static String oldestBinlog() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static ReaderPosition endOfBinlog() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW MASTER STATUS")) {
            rows.next();
            return new ReaderPosition(rows.getString(1), rows.getLong(2), "", System.currentTimeMillis(), 0);
        }
    }

    /** A fake out-of-memory: a sink that throws {@link OutOfMemoryError} at the first rows (no real heap is used up). */
    private static final class OutOfMemorySink implements io.cdc4j.upstream.ChangeEventSink {
        @Override
        public void onRows(RowBatch batch) {
            throw new OutOfMemoryError("fake: Java heap space");
        }

        @Override
        public void onDdl(io.cdc4j.model.DdlEvent ddl) {
        }

        @Override
        public void onCommit(io.cdc4j.model.TransactionCommit commit) {
        }

        @Override
        public void onResolved(io.cdc4j.model.ResolvedTs resolved) {
        }
    }

    /** A fake stack overflow on the reader thread: a table id allocator that throws {@link StackOverflowError}. */
    private static final class OverflowingTableIds implements TableIdAllocator {
        @Override
        public long idOf(TableName table) {
            throw new StackOverflowError("fake");
        }

        @Override
        public long created(TableName table) {
            throw new StackOverflowError("fake");
        }

        @Override
        public void renamed(TableName from, TableName to) {
        }

        @Override
        public void dropped(TableName table) {
        }

        @Override
        public void schemaDropped(String schema) {
        }

        @Override
        public TableIds snapshot() {
            return TableIds.EMPTY;
        }
    }
}
