package io.cdc4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.model.Tso;
import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.BlackholeProxy;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.FrozenProcess;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.RecordingBlackholes;
import io.cdc4j.testing.TestDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two changefeeds on one capture (one in-process server reading a real upstream MariaDB): A to a MySQL downstream
 * that hangs (its MariaDB frozen with SIGSTOP, while A runs or before A's sink opens) or becomes unreachable (a
 * blackholing proxy), B to {@code blackhole://}. While A is stuck and rows keep coming for both, B's rows arrive and
 * its checkpoint passes the commit ts of rows written after A got stuck; once A's downstream is back, A catches up
 * with every row.
 */
class ChangefeedIsolationIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** How long B's checkpoint may take to pass a row written while A is stuck. */
    private static final Duration ADVANCE_DEADLINE = Duration.ofSeconds(15);
    /** Rows A gets while stuck: more than its sink's in-flight bound, so A's dispatch thread blocks in the sink. */
    private static final int STUCK_ROWS = 20_000;
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static EmbeddedMariaDb downstream;
    private static final RecordingBlackholes RECORDER = new RecordingBlackholes();
    private static CdcServer server;
    private static String base;
    private static final AtomicLong NEXT_TXN = new AtomicLong(1);

    @BeforeAll
    static void start() {
        dataDir = TestDirs.fresh("isolation-e2e");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstream = EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty()));
        ServerConfig defaults = InProcessServers.config(dataDir.resolve("server"), Optional.empty(),
                FreePorts.loopback());
        ServerConfig config = new ServerConfig(defaults.addr(), defaults.advertiseAddr(), defaults.dataDir(),
                defaults.meta(), defaults.metaListen(), defaults.clusterId(), Optional.of(upstream.mysqlUri()),
                defaults.logLevel(), defaults.logFile(), defaults.captureSessionTtl());
        server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream()).withSinks(RECORDER.sinks())
                .withOwner(new OwnerSettings(Duration.ofMillis(100), Clock.systemUTC(), Duration.ofMillis(250))));
        base = InProcessServers.baseUrl(server);
        await().atMost(DEADLINE).until(() -> Http.get(base, "/api/v2/status").json().path("is_owner").asBoolean());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        downstream.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void aDownstreamFrozenWhileItsChangefeedRunsDelaysNoOtherChangefeed() throws Exception {
        String a = "frozen_a";
        String b = "frozen_b";
        create(a, downstream.mysqlUri());
        create(b, "blackhole://");
        createTable(a);
        createTable(b);
        writeTransactions(a, 20);
        writeTransactions(b, 20);
        awaitCaughtUp(a);
        awaitCaughtUp(b);

        try (FrozenProcess frozen = FrozenProcess.mariaDbOnPort(downstream.port())) {
            bulk(a, STUCK_ROWS);
            long stuckAt = Tso.fromInstant(Instant.now());
            bAdvancesWhileAIsStuck(a, b, stuckAt, "A is really stuck behind its frozen downstream");
        }
        awaitIdentical(a);
        remove(a);
        remove(b);
    }

    @Test
    void aDownstreamFrozenBeforeItsSinkOpensDelaysNoOtherChangefeed() throws Exception {
        String a = "hung_a";
        String b = "hung_b";
        create(a, downstream.mysqlUri());
        createTable(a);
        writeTransactions(a, 10);
        awaitCaughtUp(a);
        assertThat(Http.post(base, "/api/v2/changefeeds/" + id(a) + "/pause", null).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> state(a).equals("stopped"));

        try (FrozenProcess frozen = FrozenProcess.mariaDbOnPort(downstream.port())) {
            assertThat(Http.post(base, "/api/v2/changefeeds/" + id(a) + "/resume", "{}").status()).isEqualTo(200);
            await().atMost(DEADLINE).until(() -> state(a).equals("normal"));
            create(b, "blackhole://");
            createTable(b);
            long stuckAt = Tso.fromInstant(Instant.now());
            bAdvancesWhileAIsStuck(a, b, stuckAt, "A cannot move while its sink open hangs");
        }
        awaitIdentical(a);
        remove(a);
        remove(b);
    }

    @Test
    void anUnreachableDownstreamDelaysNoOtherChangefeedAndItsChangefeedCatchesUpOnceItIsBack() throws Exception {
        String a = "cut_a";
        String b = "cut_b";
        try (BlackholeProxy proxy = BlackholeProxy.start("127.0.0.1", downstream.port())) {
            create(a, "mysql://root@127.0.0.1:" + proxy.port() + "/?read-timeout=3s&write-timeout=3s&timeout=3s");
            create(b, "blackhole://");
            createTable(a);
            createTable(b);
            writeTransactions(a, 10);
            writeTransactions(b, 10);
            awaitCaughtUp(a);
            awaitCaughtUp(b);

            proxy.blackhole();
            writeTransactions(a, 1);
            long stuckAt = Tso.fromInstant(Instant.now());
            bAdvancesWhileAIsStuck(a, b, stuckAt, "A cannot move while its downstream is unreachable");
            proxy.heal();
            awaitIdentical(a);
        }
        remove(a);
        remove(b);
    }

    /**
     * While a writer keeps writing to both, B keeps advancing and gets every row, and A's checkpoint stays before
     * {@code stuckAt} ({@code why} says what holds it).
     */
    private static void bAdvancesWhileAIsStuck(String a, String b, long stuckAt, String why) throws Exception {
        try (Writer writer = Writer.start(a, b)) {
            bKeepsAdvancing(b, stuckAt);
            writer.close();
            assertThat(writer.transactionsOf(a)).as("rows kept coming for both").isNotEmpty();
            bGotEverything(writer, b);
        }
        assertThat(checkpoint(a)).as(why).isLessThan(stuckAt);
    }

    /**
     * Three times, writes a transaction to B and waits until its rows arrived and B's checkpoint passed its commit ts;
     * then waits until B's checkpoint is a second past {@code stuckAt}, a time A's checkpoint cannot reach.
     */
    private static void bKeepsAdvancing(String b, long stuckAt) throws SQLException {
        for (int round = 0; round < 3; round++) {
            long txn = writeTransactions(b, 1);
            await("B's checkpoint passes transaction " + txn + ", written while A is stuck").atMost(ADVANCE_DEADLINE)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !RECORDER.tsOf(txn).isEmpty() && checkpoint(b) >= commitTsOf(txn));
        }
        long later = Tso.fromInstant(Tso.toInstant(stuckAt).plusSeconds(1));
        await("B's checkpoint passes a second after A got stuck").atMost(ADVANCE_DEADLINE)
                .pollInterval(Duration.ofMillis(50)).until(() -> checkpoint(b) >= later);
    }

    private static long commitTsOf(long txn) {
        return RECORDER.tsOf(txn).stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** B got every transaction the writer wrote to it while A was stuck. */
    private static void bGotEverything(Writer writer, String b) {
        await("B's rows written while A was stuck arrive").atMost(ADVANCE_DEADLINE)
                .until(() -> RECORDER.transactions().containsAll(writer.transactionsOf(b)));
    }

    /** Waits until A's downstream holds every upstream row and A's checkpoint passes the last write. */
    private static void awaitIdentical(String a) throws SQLException {
        long upstreamRows = count(upstream, a);
        await("A catches up with every row").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count(downstream, a) == upstreamRows);
        awaitCaughtUp(a);
        try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
            assertThat(rows(left, a)).isEqualTo(rows(right, a));
        }
    }

    private static Set<String> rows(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, txn, note FROM " + schema + ".t")) {
            Set<String> rows = new HashSet<>();
            while (result.next()) {
                rows.add(result.getLong(1) + "/" + result.getLong(2) + "/" + result.getString(3));
            }
            return rows;
        }
    }

    private static long count(EmbeddedMariaDb database, String schema) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".t")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return -1;
            }
            throw e;
        }
    }

    /** Creates changefeed {@code schema} (its name spelt with hyphens) of the schema's tables. */
    private static void create(String schema, String sinkUri) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id(schema)
                + "\",\"sink_uri\":\"" + sinkUri + "\",\"replica_config\":{\"filter\":{\"rules\":[\"" + schema
                + ".*\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static void remove(String schema) {
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/" + id(schema), null).status()).isEqualTo(200);
    }

    /** The changefeed of a schema: a changefeed id has no underscores. */
    private static String id(String schema) {
        return schema.replace('_', '-');
    }

    private static void createTable(String schema) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + schema);
            statement.execute("CREATE TABLE " + schema + ".t (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " txn BIGINT NOT NULL, note VARCHAR(40))");
        }
    }

    /** Writes {@code count} transactions of two rows each to the schema's table; returns the last one's txn. */
    private static long writeTransactions(String schema, int count) throws SQLException {
        try (Connection connection = upstream.connect()) {
            return writeTransactions(connection, schema, count);
        }
    }

    private static long writeTransactions(Connection connection, String schema, int count) throws SQLException {
        long txn = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                + ".t (txn, note) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                txn = NEXT_TXN.getAndIncrement();
                for (int row = 0; row < 2; row++) {
                    insert.setLong(1, txn);
                    insert.setString(2, "row " + row + " of " + txn);
                    insert.executeUpdate();
                }
                connection.commit();
            }
        }
        return txn;
    }

    /** One transaction of {@code rows} rows to the schema's table. */
    private static void bulk(String schema, int rows) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + schema + ".t (txn, note) SELECT " + NEXT_TXN.getAndIncrement()
                    + ", CONCAT('bulk ', seq) FROM " + schema + ".seq_1_to_" + rows);
        }
    }

    private static void awaitCaughtUp(String schema) {
        long now = Tso.fromInstant(Instant.now().plusSeconds(1));
        await("changefeed " + id(schema) + " checkpoint passes " + now).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(200)).until(() -> checkpoint(schema) >= now);
    }

    private static long checkpoint(String schema) {
        return changefeed(schema).path("checkpoint_ts").asLong();
    }

    private static String state(String schema) {
        return changefeed(schema).path("state").asText();
    }

    private static JsonNode changefeed(String schema) {
        return Http.get(base, "/api/v2/changefeeds/" + id(schema)).json();
    }

    /** Writes a transaction to each schema every few milliseconds until closed, as a steady upstream load. */
    private static final class Writer implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Map<String, Set<Long>> written = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> done;

        private Writer(String... schemas) {
            for (String schema : schemas) {
                written.put(schema, ConcurrentHashMap.newKeySet());
            }
            done = CompletableFuture.runAsync(() -> {
                try (Connection connection = upstream.connect()) {
                    while (!stop.get()) {
                        for (String schema : schemas) {
                            written.get(schema).add(writeTransactions(connection, schema, 1));
                        }
                        Thread.sleep(5);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        static Writer start(String... schemas) {
            return new Writer(schemas);
        }

        /** The transactions written to a schema so far. */
        Set<Long> transactionsOf(String schema) {
            return Set.copyOf(written.get(schema));
        }

        @Override
        public void close() {
            stop.set(true);
            done.join();
        }
    }
}
