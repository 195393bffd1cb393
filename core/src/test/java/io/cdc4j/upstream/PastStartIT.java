package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.Tso;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A past start ts on a real MariaDB binlog: the reader is sent straight to the first transaction of the start's own
 * second in its binlog file (found by a headers-only pass, not by decoding the rows before it), and delivers exactly
 * the transactions of that second and after (MariaDB's binlog times have second resolution). The transactions' binlog times are set with
 * {@code SET TIMESTAMP}, one second apart, so that a few hundred of them span minutes; an XA transaction prepared
 * before the start and committed after it is delivered, so the reader is sent to its prepare.
 */
class PastStartIT {
    private static final int TRANSACTIONS = 300;
    private static final int START = 200;
    private static final int PREPARED = 150;
    private static final int XA_COMMITTED = 250;
    private static final long XA_ROW = 1000;
    private static MariaDbServer server;
    private static long firstSecond;
    private static String file;
    private static List<Long> groupStarts;

    @BeforeAll
    static void writeTransactionsOneSecondApart() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE past", "CREATE TABLE past.t (id INT PRIMARY KEY)", "FLUSH BINARY LOGS");
        firstSecond = System.currentTimeMillis() / 1000 + 3600;
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < TRANSACTIONS; i++) {
                if (i == PREPARED) {
                    server.execute("SET TIMESTAMP = " + (firstSecond + i), "XA START 'x1'",
                            "INSERT INTO past.t VALUES (" + XA_ROW + ")", "XA END 'x1'", "XA PREPARE 'x1'");
                }
                if (i == XA_COMMITTED) {
                    long second = firstSecond + i;
                    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                            .untilAsserted(() -> server.execute("SET TIMESTAMP = " + second, "XA COMMIT 'x1'"));
                }
                statement.execute("SET TIMESTAMP = " + (firstSecond + i));
                statement.execute("INSERT INTO past.t VALUES (" + i + ")");
            }
        }
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            file = database.binlogEnd().file();
        }
        List<Long> starts = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet events = statement.executeQuery("SHOW BINLOG EVENTS IN '" + file + "'")) {
            while (events.next()) {
                if (events.getString("Event_type").equals("Gtid")) {
                    starts.add(events.getLong("Pos"));
                }
            }
        }
        groupStarts = List.copyOf(starts);
        assertThat(groupStarts).as("the file holds the inserts and the XA's two groups").hasSize(TRANSACTIONS + 2);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A start ts 400 ms into the second of transaction {@value #START}. */
    private static long startTs() {
        return Tso.compose((firstSecond + START) * 1000 + 400, 0);
    }

    @Test
    void theReaderIsSentStraightToTheXaPreparedBeforeTheStartWithTheGtidPositionThere() {
        UpstreamConfig config = server.config();
        try (UpstreamDatabase database = UpstreamDatabase.connect(config)) {
            ResumePoint point = new StartPointFinder(database, new BinlogFileClock(config))
                    .find(new StartPoint.AtTs(startTs()));
            assertThat(point.position().binlogFile()).isEqualTo(file);
            assertThat(point.position().binlogPosition()).as("the XA prepared before the start, committed after it")
                    .isEqualTo(groupStarts.get(PREPARED));
            assertThat(point.position().gtidSet()).as("the GTID position before it: two DDL, then the inserts")
                    .isEqualTo("0-1-" + (PREPARED + 2));
            assertThat(point.position().lastTs()).isEqualTo(startTs());
        }
    }

    @Test
    void theReaderDeliversExactlyTheTransactionsCommittedFromTheStartsSecondOn() {
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.AtTs(startTs()), sink,
                ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), ReaderStatusListener.NONE)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.failure().isPresent() || sink.rows().stream()
                    .anyMatch(row -> row.after().orElseThrow().value(0).orElseThrow().equals(TRANSACTIONS - 1L)));
            assertThat(reader.failure()).isEmpty();
        }
        List<Long> expected = new ArrayList<>(LongStream.range(START, TRANSACTIONS).boxed().toList());
        expected.add(XA_COMMITTED - START, XA_ROW);
        assertThat(sink.rows()).as("the XA is delivered at its commit, after the start")
                .extracting(row -> row.after().orElseThrow().value(0).orElseThrow())
                .containsExactlyElementsOf(expected);
        assertThat(sink.commits().getFirst().commitTs()).isGreaterThan(startTs());
    }
}
