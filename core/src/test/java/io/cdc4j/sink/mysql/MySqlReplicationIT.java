package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.model.Tso;
import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.SchemaDiff;
import io.cdc4j.testing.ServerProcess;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream MariaDB, a cdc server reading its binlog, a changefeed to {@code mysql://} a downstream MariaDB, under a
 * seeded random workload: the two end identical row by row, also after the capture is killed mid-workload and after
 * the downstream is down for a while.
 */
class MySqlReplicationIT {
    private static final long SEED = 20_261_122L;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int BIG_TRANSACTION_ROWS = 100_000;
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static MariaDbSettings downstreamSettings;
    private static EmbeddedMariaDb downstream;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void startDatabases() {
        dataDir = TestDirs.fresh("mysql-sink-e2e");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstreamSettings = new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty());
        downstream = EmbeddedMariaDb.start(downstreamSettings);
    }

    @AfterAll
    static void stopDatabases() {
        downstream.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
    }

    @Test
    void aRandomWorkloadWithDdlAndAHundredThousandRowTransactionEndsIdentical() throws SQLException {
        String base = startServer(OwnerSettings.standard(Duration.ofMillis(100)));
        createChangefeed(base, "mixed", "mixed");
        RandomWorkload workload = new RandomWorkload("mixed", SEED);
        long bulkRows;
        Duration bulkTime;
        try (Connection connection = upstream.connect(); Connection target = downstream.connect()) {
            workload.create(connection);
            workload.transactions(connection, 150);
            workload.ddl(connection);
            workload.transactions(connection, 150);
            workload.bigTransaction(connection, BIG_TRANSACTION_ROWS);
            long committed = System.nanoTime();
            bulkRows = SchemaDiff.count(connection, "mixed.bulk");
            await("the big transaction reaches the downstream").atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> tableExists(target, "mixed", "bulk")
                            && SchemaDiff.count(target, "mixed.bulk") == bulkRows);
            bulkTime = Duration.ofNanos(System.nanoTime() - committed);
            workload.transactions(connection, 50);
        }
        System.out.printf("MySQL sink e2e: the %d-row transaction was in the downstream %d ms after its upstream"
                + " commit (%.0f rows/s end to end)%n", bulkRows, bulkTime.toMillis(),
                bulkRows / (bulkTime.toNanos() / 1e9));
        awaitCaughtUp(base, "mixed");
        assertIdentical("mixed");
    }

    @Test
    void aKilledCaptureResumesFromItsCheckpointAndReplaysHarmlessly() throws Exception {
        TestZooKeeper zk = new TestZooKeeper(dataDir.resolve("zk-" + FreePorts.next()));
        started.add(zk);
        Path work = dataDir.resolve("processes-" + FreePorts.next());
        String[] args = {"--meta", "zk://" + zk.hostPort(), "--upstream", upstream.mysqlUri(),
            "--capture-session-ttl", "2"};
        ServerProcess first = ServerProcess.start(work.resolve("first"), args);
        started.add(first);
        createChangefeed(first.baseUrl(), "killed", "killed");
        RandomWorkload workload = new RandomWorkload("killed", SEED + 1);
        try (Connection connection = upstream.connect(); Connection target = downstream.connect()) {
            workload.create(connection);
            workload.transactions(connection, 100);
            await("some rows reach the downstream").atMost(DEADLINE)
                    .until(() -> tableExists(target, "killed", "types")
                            && SchemaDiff.count(target, "killed.types") > 0);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    workload.transactions(connection, 200);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(first.kill()).isEqualTo(137);
            writing.join();
        }
        ServerProcess second = ServerProcess.start(work.resolve("second"), args);
        started.add(second);
        awaitCaughtUp(second.baseUrl(), "killed");
        assertIdentical("killed");
        assertThat(second.logText()).contains("MySQL sink opened");
    }

    @Test
    void aDownstreamOutageShowsAWarningAndCatchesUpAfter() throws SQLException {
        String base = startServer(new OwnerSettings(Duration.ofMillis(100), Clock.systemUTC(), Duration.ofMillis(250)));
        createChangefeed(base, "outage", "outage");
        RandomWorkload workload = new RandomWorkload("outage", SEED + 2);
        try (Connection connection = upstream.connect()) {
            workload.create(connection);
            workload.transactions(connection, 50);
            awaitCaughtUp(base, "outage");

            downstream.close();
            try {
                workload.transactions(connection, 100);
                await("the changefeed warns while the downstream is down").atMost(DEADLINE)
                        .until(() -> changefeed(base, "outage").get("state").asText().equals("warning"));
                long held = changefeed(base, "outage").get("checkpoint_ts").asLong();
                await("the checkpoint holds while the downstream is down").during(Duration.ofSeconds(25))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> changefeed(base, "outage").get("checkpoint_ts").asLong() == held);
                assertThat(changefeed(base, "outage").path("error").path("message").asText())
                        .contains("CDC:ErrMySQLConnectionError");
            } finally {
                downstream = EmbeddedMariaDb.start(downstreamSettings);
            }
            workload.transactions(connection, 50);
        }
        awaitCaughtUp(base, "outage");
        assertThat(changefeed(base, "outage").get("state").asText()).isEqualTo("normal");
        assertIdentical("outage");
    }

    private String startServer(OwnerSettings owner) {
        ServerConfig base = InProcessServers.config(dataDir.resolve("server-" + FreePorts.next()), Optional.empty(),
                FreePorts.loopback());
        ServerConfig config = new ServerConfig(base.addr(), base.advertiseAddr(), base.dataDir(), base.meta(),
                base.metaListen(), base.clusterId(), Optional.of(upstream.mysqlUri()), base.logLevel(),
                base.logFile(), base.captureSessionTtl());
        CdcServer server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream()).withOwner(owner));
        started.add(server);
        return InProcessServers.baseUrl(server);
    }

    /** Creates a changefeed of one schema to the downstream once the server is owner; waits until it runs. */
    private static void createChangefeed(String base, String id, String schema) {
        await("the server at " + base + " is the owner").atMost(DEADLINE)
                .until(() -> Http.get(base, "/api/v2/status").json().path("is_owner").asBoolean());
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\","
                + "\"sink_uri\":\"" + downstream.mysqlUri() + "\",\"replica_config\":{\"filter\":{\"rules\":[\""
                + schema + ".*\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        awaitCaughtUp(base, id);
    }

    /** Waits until the checkpoint has passed everything committed upstream so far. */
    private static void awaitCaughtUp(String base, String id) {
        long now = Tso.fromInstant(Instant.now().plusSeconds(1));
        await("changefeed " + id + " checkpoint passes " + now).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> changefeed(base, id).path("checkpoint_ts").asLong() >= now);
    }

    private static JsonNode changefeed(String base, String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (var result = connection.getMetaData().getTables(schema, null, table, null)) {
            return result.next();
        }
    }

    private static void assertIdentical(String schema) throws SQLException {
        try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
            assertThat(SchemaDiff.firstDifference(left, right, schema)).as("first difference in " + schema).isEmpty();
        }
    }
}
