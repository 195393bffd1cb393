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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MySQL sink's handling of keys and generated columns, upstream MariaDB to downstream MariaDB through a cdc
 * server: generated columns replicate without being written (the downstream's general log shows every statement the
 * sink ran), and unique-key swaps on a secondary unique index, under parallel workers, end identical.
 */
class MySqlSinkKeysIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static EmbeddedMariaDb downstream;
    private static CdcServer server;
    private static String base;

    @BeforeAll
    static void start() throws SQLException {
        dataDir = TestDirs.fresh("mysql-sink-keys");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstream = EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty()));
        try (Connection connection = downstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL log_output = 'TABLE'");
            statement.execute("SET GLOBAL general_log = 1");
        }
        ServerConfig defaults = InProcessServers.config(dataDir.resolve("server"), Optional.empty(),
                FreePorts.loopback());
        ServerConfig config = new ServerConfig(defaults.addr(), defaults.advertiseAddr(), defaults.dataDir(),
                defaults.meta(), defaults.metaListen(), defaults.clusterId(), Optional.of(upstream.mysqlUri()),
                defaults.logLevel(), defaults.logFile(), defaults.captureSessionTtl());
        server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream())
                .withOwner(OwnerSettings.standard(Duration.ofMillis(100))));
        base = InProcessServers.baseUrl(server);
        await("the server is the owner").atMost(DEADLINE)
                .until(() -> Http.get(base, "/api/v2/status").json().path("is_owner").asBoolean());
    }

    @AfterAll
    static void stop() {
        server.close();
        downstream.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void generatedColumnsReplicateWithoutAnyExplicitWriteToThem() throws SQLException {
        createChangefeed("gen", "gen");
        upstreamExecute("CREATE DATABASE gen",
                "CREATE TABLE gen.keyed (id INT PRIMARY KEY, a INT, s VARCHAR(20),"
                        + " gv INT AS (a * 2) VIRTUAL, gs VARCHAR(30) AS (CONCAT(s, '!')) PERSISTENT)",
                "CREATE TABLE gen.keyless (a INT, s VARCHAR(20), gv INT AS (a + 1) VIRTUAL,"
                        + " gs VARCHAR(30) AS (UPPER(s)) STORED)",
                "INSERT INTO gen.keyed (id, a, s) VALUES (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three')",
                "INSERT INTO gen.keyless (a, s) VALUES (1, 'x'), (2, 'y'), (2, 'y')",
                "UPDATE gen.keyed SET a = a + 1, s = CONCAT(s, '+') WHERE id <= 2",
                "UPDATE gen.keyed SET id = 4 WHERE id = 3",
                "DELETE FROM gen.keyed WHERE id = 1",
                "UPDATE gen.keyless SET s = 'z' WHERE a = 1",
                "DELETE FROM gen.keyless WHERE a = 2 LIMIT 1");
        awaitCaughtUp("gen");
        assertIdentical("gen");
        assertThat(rows(downstream, "SELECT id, a, s, gv, gs FROM gen.keyed ORDER BY id"))
                .containsExactly("2|21|two+|42|two+!", "4|30|three|60|three!");
        assertThat(rows(downstream, "SELECT a, s, gv, gs FROM gen.keyless ORDER BY a"))
                .containsExactly("1|z|2|Z", "2|y|3|Y");

        List<String> writes = rows(downstream, "SELECT CAST(argument AS CHAR) FROM mysql.general_log"
                + " WHERE command_type IN ('Query', 'Execute') AND CAST(argument AS CHAR) LIKE '%`gen`.%'")
                .stream().flatMap(query -> Arrays.stream(query.split(";(?=(INSERT|REPLACE|UPDATE|DELETE) )")))
                .filter(sql -> sql.matches("(?s)^(INSERT|REPLACE|UPDATE|DELETE) .*")).toList();
        assertThat(writes).as("the sink's statements on gen tables").isNotEmpty()
                .anyMatch(sql -> sql.startsWith("INSERT INTO `gen`.`keyed`"))
                .anyMatch(sql -> sql.startsWith("UPDATE `gen`.`keyless`"))
                .anyMatch(sql -> sql.startsWith("DELETE FROM `gen`.`keyless`"))
                .noneMatch(sql -> sql.contains("`gv`") || sql.contains("`gs`"));
        assertThat(explicitGeneratedWriteError()).as("a strict MariaDB refuses what MySQL always refuses")
                .isEqualTo(1906);
    }

    /** The error a strict session of the downstream gives for an explicit value in a generated column; 0: none. */
    private static int explicitGeneratedWriteError() throws SQLException {
        try (Connection connection = downstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
            statement.execute("INSERT INTO gen.keyed (id, a, s, gv) VALUES (100, 1, 'p', 5)");
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void uniqueKeySwapsOnASecondaryIndexUnderParallelWorkersEndIdentical() throws Exception {
        createChangefeed("swap", "swap");
        int pairs = 4;
        upstreamExecute("CREATE DATABASE swap",
                "CREATE TABLE swap.t (id INT PRIMARY KEY, u VARCHAR(10) NULL COLLATE utf8mb4_general_ci,"
                        + " note INT, UNIQUE KEY u_u (u))");
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (int p = 0; p < pairs; p++) {
                statement.execute("INSERT INTO swap.t VALUES (" + (2 * p + 1) + ", 'a" + p + "', 0), ("
                        + (2 * p + 2) + ", 'B" + p + "', 0)");
            }
        }
        List<CompletableFuture<Void>> swappers = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            int pair = p;
            swappers.add(CompletableFuture.runAsync(() -> swap(pair, 60)));
        }
        CompletableFuture.allOf(swappers.toArray(CompletableFuture[]::new)).join();
        awaitCaughtUp("swap");
        assertIdentical("swap");
        assertThat(rows(downstream, "SELECT COUNT(*) FROM swap.t")).containsExactly(String.valueOf(2 * pairs));
        assertThat(changefeed("swap").path("state").asText()).isEqualTo("normal");
    }

    /**
     * Swaps the unique values of one pair of rows {@code times} times, one autocommit transaction per step, each
     * touching one primary key: the first row moves to a temporary value, the second takes the first's value in
     * other case (equal under the _ci collation), the first takes the second's old one, and a NULL passes by.
     */
    private static void swap(int pair, int times) {
        int first = 2 * pair + 1;
        int second = 2 * pair + 2;
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            String firstValue = "a" + pair;
            String secondValue = "B" + pair;
            for (int i = 0; i < times; i++) {
                statement.execute("UPDATE swap.t SET u = NULL, note = note + 1 WHERE id = " + first);
                statement.execute("UPDATE swap.t SET u = '" + flipCase(firstValue) + "' WHERE id = " + second);
                statement.execute("UPDATE swap.t SET u = '" + secondValue + " ' WHERE id = " + first);
                String taken = flipCase(firstValue);
                firstValue = secondValue + " ";
                secondValue = taken;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flipCase(String value) {
        StringBuilder flipped = new StringBuilder(value.length());
        for (char c : value.strip().toCharArray()) {
            flipped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return flipped.toString();
    }

    /** A changefeed of one schema, tables without a handle key included, to 8 workers of 4 rows a transaction. */
    private static void createChangefeed(String id, String schema) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\","
                + "\"sink_uri\":\"" + downstream.mysqlUri() + "?worker-count=8&max-txn-row=4\","
                + "\"replica_config\":{\"force_replicate\":true,\"filter\":{\"rules\":[\"" + schema + ".*\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        awaitCaughtUp(id);
    }

    private static void awaitCaughtUp(String id) {
        long now = Tso.fromInstant(Instant.now().plusSeconds(1));
        await("changefeed " + id + " checkpoint passes " + now).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode changefeed = changefeed(id);
                    assertThat(changefeed.path("state").asText()).as(changefeed.toString()).isIn("normal", "");
                    return changefeed.path("checkpoint_ts").asLong() >= now;
                });
    }

    private static JsonNode changefeed(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static void upstreamExecute(String... statements) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(EmbeddedMariaDb database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= width; c++) {
                    row.append(c == 1 ? "" : "|").append(result.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void assertIdentical(String schema) throws SQLException {
        try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
            assertThat(SchemaDiff.firstDifference(left, right, schema)).as("first difference in " + schema).isEmpty();
        }
    }
}
