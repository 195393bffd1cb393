package io.cdc4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.RecordingBlackholes;
import io.cdc4j.testing.ServerProcess;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changefeeds to {@code blackhole://} on a real upstream MariaDB, created and driven over the API: every
 * upstream transaction reaches the sink whole, the checkpoint follows, pause holds it, resume catches up,
 * target_ts finishes it, and a killed capture's changefeed continues elsewhere without skipping any.
 */
class BlackholeReplicationIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;

    private final RecordingBlackholes recorder = new RecordingBlackholes();
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void startUpstream() throws SQLException {
        dataDir = TestDirs.fresh("blackhole-e2e");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE e2e");
            statement.execute("CREATE TABLE e2e.orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, txn BIGINT NOT NULL,"
                    + " note VARCHAR(40))");
            statement.execute("CREATE TABLE e2e.no_key (txn BIGINT, note VARCHAR(40))");
        }
    }

    @AfterAll
    static void stopUpstream() {
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
    void checkpointFollowsPauseHoldsResumeCatchesUpTargetFinishesRemoveCleans() throws SQLException {
        CdcServer server = start(InProcessServers.config(dataDir.resolve("single-" + FreePorts.next()),
                Optional.empty(), FreePorts.loopback()));
        String base = InProcessServers.baseUrl(server);
        Http.Response badOption = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"orders\","
                + "\"sink_uri\":\"mysql://root@127.0.0.1:1/?worker-count=many\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"e2e.*\"]}}}");
        assertThat(badOption.json().get("error_code").asText()).as("a wrong sink option is named before the"
                + " ineligible table and before any connection").isEqualTo("CDC:ErrSinkURIInvalid");
        assertThat(badOption.json().get("error_msg").asText()).contains("worker-count");
        Http.Response ineligible = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"orders\","
                + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"e2e.*\"]}}}");
        assertThat(ineligible.status()).isEqualTo(400);
        assertThat(ineligible.json().get("error_code").asText()).isEqualTo("CDC:ErrTableIneligible");
        assertThat(ineligible.json().get("error_msg").asText()).contains("`e2e`.`no_key`");
        create(base, "{\"changefeed_id\":\"orders\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"ignore_ineligible_table\":true,\"filter\":{\"rules\":[\"e2e.*\"]}}}");

        writeTransactions(1, 20);
        awaitTransactions(1, 20);
        awaitCheckpointAtLeast(base, "orders", recorder.maxTs());
        for (long txn = 1; txn <= 20; txn++) {
            assertThat(recorder.tsOf(txn)).as("transaction %d arrives under one commit ts", txn).hasSize(1);
        }
        assertThat(recorder.transactions()).as("rows of a table without a key are not replicated").allMatch(t -> t <= 20);
        String metrics = Http.get(base, "/metrics").body();
        assertThat(metrics)
                .contains("cdc4j_changefeed_sink_rows_total{changefeed=\"orders\",namespace=\"default\"} 60.0")
                .contains("cdc4j_changefeed_checkpoint_lag_seconds{changefeed=\"orders\",namespace=\"default\"}")
                .contains("cdc4j_changefeed_checkpoint_ts{changefeed=\"orders\",namespace=\"default\"}");

        assertThat(Http.post(base, "/api/v2/changefeeds/orders/pause", null).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> changefeed(base, "orders").get("state").asText().equals("stopped")
                && processorCapture(base, "orders").isEmpty());
        long pausedAt = changefeed(base, "orders").get("checkpoint_ts").asLong();
        writeTransactions(21, 30);
        await("a paused changefeed stays where it is").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> changefeed(base, "orders").get("checkpoint_ts").asLong() == pausedAt
                        && recorder.transactions().stream().noneMatch(t -> t > 20));

        assertThat(Http.post(base, "/api/v2/changefeeds/orders/resume", "{}").status()).isEqualTo(200);
        awaitTransactions(1, 30);
        awaitCheckpointAtLeast(base, "orders", recorder.maxTs());

        long startTs = recorder.tsOf(5).iterator().next();
        long targetTs = recorder.tsOf(12).iterator().next();
        create(base, "{\"changefeed_id\":\"bounded\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + startTs
                + ",\"target_ts\":" + targetTs + ",\"replica_config\":{\"ignore_ineligible_table\":true}}");
        await().atMost(DEADLINE).until(() -> changefeed(base, "bounded").get("state").asText().equals("finished"));
        assertThat(changefeed(base, "bounded").get("checkpoint_ts").asLong()).isEqualTo(targetTs);

        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/orders", null).status()).isEqualTo(200);
        Http.Response gone = Http.get(base, "/api/v2/changefeeds/orders");
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
    }

    @Test
    void aKilledCapturesChangefeedMovesAndContinuesWithoutSkippingATransaction() throws SQLException {
        TestZooKeeper zk = new TestZooKeeper(dataDir.resolve("zk-" + FreePorts.next()));
        started.add(zk);
        List<CdcServer> captures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            captures.add(start(InProcessServers.config(dataDir.resolve("capture-" + FreePorts.next()),
                    Optional.of(MetaEndpoint.local(zk.hostPort())), FreePorts.loopback())));
        }
        String base = InProcessServers.baseUrl(captures.getFirst());
        create(base, "{\"changefeed_id\":\"moving\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"e2e.orders\"]}}}");
        writeTransactions(101, 120);
        awaitTransactions(101, 120);

        String runningOn = processorCapture(base, "moving");
        CdcServer victim = captures.stream().filter(c -> c.capture().id().equals(runningOn)).findFirst().orElseThrow();
        CdcServer survivor = captures.stream().filter(c -> c != victim).findFirst().orElseThrow();
        long checkpointBefore = changefeed(InProcessServers.baseUrl(survivor), "moving").get("checkpoint_ts").asLong();
        victim.close();

        writeTransactions(121, 140);
        String survivorBase = InProcessServers.baseUrl(survivor);
        await().atMost(DEADLINE).until(() -> processorCapture(survivorBase, "moving").equals(survivor.capture().id()));
        awaitTransactions(101, 140);
        awaitCheckpointAtLeast(survivorBase, "moving", recorder.maxTs());
        assertThat(changefeed(survivorBase, "moving").get("checkpoint_ts").asLong()).isGreaterThan(checkpointBefore);
    }

    @Test
    void aChangefeedOfACaptureKilledWithSigkillMovesOnceItsSessionExpires() throws SQLException {
        TestZooKeeper zk = new TestZooKeeper(dataDir.resolve("zk-" + FreePorts.next()));
        started.add(zk);
        String meta = "zk://" + zk.hostPort() + "/cdc4j";
        ServerProcess doomed = ServerProcess.start(dataDir.resolve("doomed-" + FreePorts.next()), "--meta", meta,
                "--upstream", upstream.mysqlUri(), "--capture-session-ttl", "3");
        started.add(doomed);
        await().atMost(DEADLINE).until(() -> Http.get(doomed.baseUrl(), "/api/v2/health").status() == 200);
        create(doomed.baseUrl(), "{\"changefeed_id\":\"killed\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"e2e.orders\"]}}}");
        String doomedId = doomed.status().get("id").asText();
        await().atMost(DEADLINE).until(() -> processorCapture(doomed.baseUrl(), "killed").equals(doomedId));

        CdcServer survivor = start(InProcessServers.config(dataDir.resolve("survivor-" + FreePorts.next()),
                Optional.of(MetaEndpoint.parse(meta)), FreePorts.loopback()));
        String base = InProcessServers.baseUrl(survivor);
        writeTransactions(201, 210);
        await().atMost(DEADLINE).until(() -> changefeed(base, "killed").get("checkpoint_ts").asLong() > 0
                && Http.get(base, "/api/v2/changefeeds/killed").json().get("state").asText().equals("normal"));
        long checkpointBefore = changefeed(base, "killed").get("checkpoint_ts").asLong();

        assertThat(doomed.kill()).isEqualTo(137);
        writeTransactions(211, 220);
        await("the changefeed runs on the survivor").atMost(DEADLINE)
                .until(() -> processorCapture(base, "killed").equals(survivor.capture().id()));
        awaitTransactions(211, 220);
        awaitCheckpointAtLeast(base, "killed", recorder.maxTs());
        long resumedAt = recorder.transactions().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(recorder.transactions()).as("from where the survivor resumed, no transaction is skipped")
                .containsAll(LongStream.rangeClosed(resumedAt, 220).boxed().toList());
        assertThat(changefeed(base, "killed").get("checkpoint_ts").asLong()).isGreaterThan(checkpointBefore);
    }

    private CdcServer start(ServerConfig base) {
        ServerConfig config = new ServerConfig(base.addr(), base.advertiseAddr(), base.dataDir(), base.meta(),
                base.metaListen(), base.clusterId(), Optional.of(upstream.mysqlUri()), base.logLevel(),
                base.logFile(), base.captureSessionTtl());
        CdcServer server = CdcServer.start(config,
                ServerOptions.forUpstream(config.upstream()).withSinks(recorder.sinks()));
        started.add(server);
        // an owner must be elected (and have completed a round) before requests for it can be answered
        await().atMost(DEADLINE)
                .until(() -> Http.get(InProcessServers.baseUrl(server), "/api/v2/health").status() == 200);
        return server;
    }

    private static void create(String base, String body) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static JsonNode changefeed(String base, String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    /** The capture running the changefeed, or "" while none does (or no owner answers yet). */
    private static String processorCapture(String base, String id) {
        JsonNode items = Http.get(base, "/api/v2/processors").json().path("items");
        for (JsonNode item : items) {
            if (item.get("changefeed_id").asText().equals(id)) {
                return item.get("capture_id").asText();
            }
        }
        return "";
    }

    private void awaitTransactions(long from, long to) {
        Set<Long> expected = LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
        await("transactions " + from + ".." + to + " reach the sink").atMost(DEADLINE)
                .until(() -> recorder.transactions().containsAll(expected));
    }

    private static void awaitCheckpointAtLeast(String base, String id, long ts) {
        await("the checkpoint of " + id + " reaches " + ts).atMost(DEADLINE)
                .until(() -> changefeed(base, id).get("checkpoint_ts").asLong() >= ts);
    }

    /** Each transaction k writes three rows with txn = k to e2e.orders, and one to the keyless table. */
    private static void writeTransactions(long from, long to) throws SQLException {
        try (Connection connection = upstream.connect();
             PreparedStatement orders = connection.prepareStatement("INSERT INTO e2e.orders (txn, note) VALUES (?, ?)");
             PreparedStatement keyless = connection.prepareStatement("INSERT INTO e2e.no_key (txn, note) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (long txn = from; txn <= to; txn++) {
                for (int row = 0; row < 3; row++) {
                    orders.setLong(1, txn);
                    orders.setString(2, "row " + row + " of " + txn);
                    orders.executeUpdate();
                }
                keyless.setLong(1, txn + 1_000_000);
                keyless.setString(2, "no key");
                keyless.executeUpdate();
                connection.commit();
            }
        }
    }
}
