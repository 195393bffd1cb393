package io.cdc4j.sink.mysql;

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
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.SchemaDiff;
import io.cdc4j.testing.TestDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changefeeds to {@code mysql://} a downstream MariaDB, both ends with {@code lower_case_table_names=0}: tables
 * whose names differ only in case arrive as two tables, a RENAME or DROP naming tables outside the filter
 * reaches the downstream naming only the replicated ones, and a table renamed into the filter fails the
 * changefeed with TiCDC's {@code CDC:ErrSyncRenameTableFailed}.
 */
class FilteredDdlReplicationIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static EmbeddedMariaDb downstream;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void startDatabases() {
        dataDir = TestDirs.fresh("filtered-ddl-e2e");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstream = EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty()));
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
    void tablesDifferingInCaseStayApartAndSplitDdlNamesOnlyReplicatedTables() throws SQLException {
        String base = startServer();
        createChangefeed(base, "cases", "cases.*");
        execute(downstream, "CREATE DATABASE elsewhere", "CREATE TABLE elsewhere.t (id INT PRIMARY KEY)");
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("CREATE DATABASE cases", "CREATE DATABASE elsewhere",
                    "CREATE TABLE elsewhere.t (id INT PRIMARY KEY)", "CREATE TABLE elsewhere.x (id INT PRIMARY KEY)",
                    "CREATE TABLE cases.Foo (id INT PRIMARY KEY, v VARCHAR(10))",
                    "CREATE TABLE cases.foo (id INT PRIMARY KEY, v VARCHAR(10))",
                    "CREATE TABLE cases.gone (id INT PRIMARY KEY)", "CREATE TABLE cases.r1 (id INT PRIMARY KEY)")) {
                statement.execute(sql);
            }
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO cases.Foo VALUES (1, 'upper'), (2, 'upper')");
            statement.execute("INSERT INTO cases.foo VALUES (1, 'lower')");
            statement.execute("UPDATE cases.Foo SET v = 'UPPER' WHERE id = 1");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("INSERT INTO cases.foo VALUES (2, 'lower')");
            statement.execute("DELETE FROM cases.Foo WHERE id = 2");
            statement.execute("INSERT INTO cases.r1 VALUES (1)");
            statement.execute("RENAME TABLE cases.Foo TO cases.Bar, elsewhere.x TO elsewhere.y, cases.r1 TO cases.r2");
            statement.execute("INSERT INTO cases.Bar VALUES (3, 'upper')");
            statement.execute("INSERT INTO cases.foo VALUES (3, 'lower')");
            statement.execute("DROP TABLE cases.gone, elsewhere.t");
            statement.execute("CREATE DATABASE upstream_only");
            statement.execute("USE upstream_only");
            statement.execute("CREATE TABLE cases.made_elsewhere (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO cases.made_elsewhere VALUES (1)");
        }
        awaitCaughtUp(base, "cases");
        assertThat(changefeed(base, "cases").get("state").asText()).isEqualTo("normal");
        try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
            assertThat(SchemaDiff.firstDifference(left, right, "cases")).as("first difference in cases").isEmpty();
            assertThat(SchemaDiff.count(right, "cases.foo")).isEqualTo(3);
            assertThat(SchemaDiff.count(right, "cases.Bar")).isEqualTo(2);
            assertThat(SchemaDiff.count(right, "cases.made_elsewhere"))
                    .as("a table created from a session schema the downstream lacks").isEqualTo(1);
            assertThat(SchemaDiff.count(right, "elsewhere.t")).as("a table outside the filter is not dropped")
                    .isZero();
        }
    }

    @Test
    void aTableRenamedIntoTheFilterFailsTheChangefeed() throws SQLException {
        String base = startServer();
        createChangefeed(base, "refused", "refused.*");
        execute(upstream, "CREATE DATABASE refused", "CREATE DATABASE staging",
                "CREATE TABLE staging.t (id INT PRIMARY KEY)", "INSERT INTO staging.t VALUES (1)",
                "RENAME TABLE staging.t TO refused.t");
        await("the changefeed fails").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> changefeed(base, "refused").get("state").asText().equals("failed"));
        JsonNode error = changefeed(base, "refused").path("error");
        assertThat(error.path("code").asText()).isEqualTo("CDC:ErrSyncRenameTableFailed");
        assertThat(error.path("message").asText()).contains("RENAME TABLE staging.t TO refused.t");
    }

    private String startServer() {
        ServerConfig base = InProcessServers.config(dataDir.resolve("server-" + FreePorts.next()), Optional.empty(),
                FreePorts.loopback());
        ServerConfig config = new ServerConfig(base.addr(), base.advertiseAddr(), base.dataDir(), base.meta(),
                base.metaListen(), base.clusterId(), Optional.of(upstream.mysqlUri()), base.logLevel(),
                base.logFile(), base.captureSessionTtl());
        CdcServer server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream())
                .withOwner(OwnerSettings.standard(Duration.ofMillis(100))));
        started.add(server);
        return InProcessServers.baseUrl(server);
    }

    private static void createChangefeed(String base, String id, String rule) {
        await("the server at " + base + " is the owner").atMost(DEADLINE)
                .until(() -> Http.get(base, "/api/v2/status").json().path("is_owner").asBoolean());
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\","
                + "\"sink_uri\":\"" + downstream.mysqlUri() + "\",\"replica_config\":{\"filter\":{\"rules\":[\""
                + rule + "\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        awaitCaughtUp(base, id);
    }

    private static void awaitCaughtUp(String base, String id) {
        long now = Tso.fromInstant(Instant.now().plusSeconds(1));
        await("changefeed " + id + " checkpoint passes " + now).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> changefeed(base, id).path("checkpoint_ts").asLong() >= now);
    }

    private static JsonNode changefeed(String base, String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static void execute(EmbeddedMariaDb database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
