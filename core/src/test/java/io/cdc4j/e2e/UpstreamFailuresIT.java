package io.cdc4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.TestDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A changefeed whose upstream can never serve it again goes failed at once with TiCDC's error, over the API: its
 * resume file purged, or its server id taken by a replica outside cdc4j.
 */
class UpstreamFailuresIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long SERVER_ID_BASE = 6_000_000;
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void startUpstream() throws SQLException {
        dataDir = TestDirs.fresh("upstream-failures-e2e");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        execute("CREATE DATABASE uf", "CREATE TABLE uf.t (id BIGINT PRIMARY KEY)");
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
    void aChangefeedResumedIntoAPurgedBinlogFailsWithSnapshotLostByGc() throws Exception {
        String base = start();
        create(base, "purged");
        execute("INSERT INTO uf.t VALUES (1)");
        awaitCheckpointPast(base, "purged", changefeed(base, "purged").get("checkpoint_ts").asLong());
        assertThat(Http.post(base, "/api/v2/changefeeds/purged/pause", null).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> changefeed(base, "purged").get("state").asText().equals("stopped"));

        execute("INSERT INTO uf.t VALUES (2)", "FLUSH BINARY LOGS");
        String newest = firstColumn("SHOW MASTER STATUS");
        await("binlogs before " + newest + " purged").atMost(DEADLINE).until(() -> {
            execute("PURGE BINARY LOGS TO '" + newest + "'");
            return firstColumn("SHOW BINARY LOGS").equals(newest);
        });
        assertThat(Http.post(base, "/api/v2/changefeeds/purged/resume", "{}").status()).isEqualTo(200);

        JsonNode failed = awaitFailed(base, "purged");
        assertThat(failed.at("/error/code").asText()).isEqualTo("CDC:ErrSnapshotLostByGC");
        assertThat(failed.at("/error/message").asText()).contains("Could not find first log file name")
                .contains("the oldest binlog the server still has is " + newest)
                .contains("Create a new changefeed with a start-ts after");
    }

    @Test
    void aReplicaOutsideCdc4jTakingTheServerIdFailsTheChangefeedNamingTheId() throws Exception {
        String base = start();
        create(base, "clashed");
        execute("INSERT INTO uf.t VALUES (10)");
        awaitCheckpointPast(base, "clashed", changefeed(base, "clashed").get("checkpoint_ts").asLong());

        long takenId = SERVER_ID_BASE + 1;
        BinaryLogClient outsider = new BinaryLogClient("127.0.0.1", upstream.port(), "root", "");
        outsider.setServerId(takenId);
        outsider.setKeepAlive(false);
        Thread.ofPlatform().daemon().name("outside-replica").start(() -> {
            try {
                outsider.connect();
            } catch (IOException e) {
                throw new IllegalStateException("the outside replica could not connect", e);
            }
        });
        started.add(outsider::disconnect);

        JsonNode failed = awaitFailed(base, "clashed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("CDC:ErrChangefeedUnretryable");
        assertThat(failed.at("/error/message").asText()).contains("server id " + takenId)
                .contains("set ?server-id= in the upstream URI");
        assertThat(outsider.isConnected()).as("the outside replica keeps its connection").isTrue();
    }

    private String start() {
        ServerConfig base = InProcessServers.config(dataDir.resolve("server-" + FreePorts.next()), Optional.empty(),
                FreePorts.loopback());
        ServerConfig config = new ServerConfig(base.addr(), base.advertiseAddr(), base.dataDir(), base.meta(),
                base.metaListen(), base.clusterId(), Optional.of(upstream.mysqlUri() + "?server-id=" + SERVER_ID_BASE),
                base.logLevel(), base.logFile(), base.captureSessionTtl());
        CdcServer server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream()));
        started.add(server);
        await().atMost(DEADLINE)
                .until(() -> Http.get(InProcessServers.baseUrl(server), "/api/v2/health").status() == 200);
        return InProcessServers.baseUrl(server);
    }

    private static void create(String base, String id) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id
                + "\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"uf.*\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static JsonNode changefeed(String base, String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static void awaitCheckpointPast(String base, String id, long ts) {
        await("the checkpoint of " + id + " passes " + ts).atMost(DEADLINE)
                .until(() -> changefeed(base, id).get("checkpoint_ts").asLong() > ts);
    }

    private static JsonNode awaitFailed(String base, String id) {
        await(id + " fails").atMost(Duration.ofSeconds(30))
                .until(() -> changefeed(base, id).get("state").asText().equals("failed"));
        return changefeed(base, id);
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String firstColumn(String query) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
