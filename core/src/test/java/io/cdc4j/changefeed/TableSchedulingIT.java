package io.cdc4j.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.model.Tso;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.SchemaDiff;
import io.cdc4j.testing.ServerProcess;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A changefeed's tables spread over a cluster of real {@code cdc server} processes replicating one MariaDB to another:
 * the owner balances them by count, {@code move_table} moves one, a capture killed mid-workload gives its tables to
 * the others, a capture added later gets some after {@code rebalance_table}, the owner killed mid-workload leaves the
 * tables to a new owner, and DDLs across captures (a RENAME of tables placed on different captures among them) happen
 * in the middle; the downstream ends identical row by row.
 */
class TableSchedulingIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String CHANGEFEED = "spread";
    private static final String SCHEMA = "spread";
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static EmbeddedMariaDb downstream;
    private static TestZooKeeper zooKeeper;
    private final List<ServerProcess> servers = new ArrayList<>();
    /** Every capture started, the killed one too, for their logs when the test fails. */
    private final List<ServerProcess> started = new ArrayList<>();
    /** The API of a live capture; any capture answers for the owner. */
    private String base;
    private final Random random = new Random(20_261_204L);
    private final AtomicInteger committed = new AtomicInteger();

    @BeforeAll
    static void startDatabases() {
        dataDir = TestDirs.fresh("table-scheduling");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstream = EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty()));
        zooKeeper = new TestZooKeeper(dataDir.resolve("zk"));
    }

    @AfterAll
    static void stopDatabases() {
        zooKeeper.close();
        downstream.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void tablesSpreadMoveSurviveAKilledCaptureAJoiningOneAndAKilledOwnerWithDdlsInTheMiddle() throws Exception {
        try (Connection connection = upstream.connect(); Connection target = downstream.connect()) {
            for (Connection side : List.of(connection, target)) {
                execute(side, "CREATE DATABASE " + SCHEMA);
                for (int t = 1; t <= 6; t++) {
                    createTable(side, "t" + t);
                }
            }
            List<String> tables = new ArrayList<>(List.of("t1", "t2", "t3", "t4", "t5", "t6"));
            for (int i = 0; i < 3; i++) {
                start();
            }
            base = servers.getFirst().baseUrl();
            await("a capture is the owner").atMost(DEADLINE)
                    .until(() -> servers.stream().anyMatch(TableSchedulingIT::isOwner));
            Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + CHANGEFEED
                    + "\",\"sink_uri\":\"" + downstream.mysqlUri() + "\",\"replica_config\":{\"filter\":{\"rules\":[\""
                    + SCHEMA + ".*\"]}}}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);

            Map<String, Set<Long>> placed = awaitPlacement(3, 6);
            assertThat(placed.values()).as("two tables on each capture: %s", placed).allMatch(ids -> ids.size() == 2);
            assertThat(taskStatusV1()).as("v1's task_status lists the same").isEqualTo(placed);
            writes(connection, tables, 30);

            String from = placed.keySet().iterator().next();
            String to = placed.keySet().stream().filter(capture -> !capture.equals(from)).findFirst().orElseThrow();
            long moved = placed.get(from).iterator().next();
            Http.Response move = Http.post(base, "/api/v1/changefeeds/" + CHANGEFEED + "/tables/move_table",
                    "{\"capture_id\":\"" + to + "\",\"table_id\":" + moved + "}");
            assertThat(move.status()).as(move.body()).isEqualTo(202);
            await("table " + moved + " moves from " + from + " to " + to).atMost(DEADLINE)
                    .until(() -> {
                        Map<String, Set<Long>> now = placement();
                        return now.getOrDefault(to, Set.of()).contains(moved)
                                && !now.getOrDefault(from, Set.of()).contains(moved);
                    });
            Http.Response unknown = Http.post(base, "/api/v1/changefeeds/" + CHANGEFEED + "/tables/move_table",
                    "{\"capture_id\":\"" + to + "\",\"table_id\":999999}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().path("error_code").asText()).isEqualTo("CDC:ErrSchedulerRequestFailed");
            writes(connection, tables, 30);
            awaitIdentical();

            ServerProcess victim = servers.stream().filter(server -> !isOwner(server)).filter(server ->
                    !placement().getOrDefault(captureId(server), Set.of()).isEmpty()).findFirst()
                    .orElseThrow();
            killDuringWrites(victim, tables, 400);
            Map<String, Set<Long>> survivors = awaitPlacement(2, 6);
            assertThat(survivors.values()).as("three tables on each survivor: %s", survivors)
                    .allMatch(ids -> ids.size() == 3);
            awaitIdentical();

            execute(connection, "RENAME TABLE " + SCHEMA + ".t1 TO " + SCHEMA + ".r1, " + SCHEMA + ".t2 TO "
                    + SCHEMA + ".r2, " + SCHEMA + ".t3 TO " + SCHEMA + ".r3, " + SCHEMA + ".t4 TO " + SCHEMA
                    + ".r4, " + SCHEMA + ".t5 TO " + SCHEMA + ".r5");
            tables = new ArrayList<>(List.of("r1", "r2", "r3", "r4", "r5", "t6"));
            writes(connection, tables, 20);
            execute(connection, "DROP TABLE " + SCHEMA + ".r5");
            tables.remove("r5");
            execute(connection, "ALTER TABLE " + SCHEMA + ".r4 ADD COLUMN extra INT NOT NULL DEFAULT 7");
            createTable(connection, "t7");
            tables.add("t7");
            writes(connection, tables, 40);
            awaitIdentical();
            assertThat(placement().values().stream().mapToInt(Set::size).sum())
                    .as("the dropped table is gone and the created one is placed: %s", placement())
                    .isEqualTo(6);

            ServerProcess joined = start();
            String joinedId = captureId(joined);
            Http.Response rebalance = Http.post(base, "/api/v1/changefeeds/" + CHANGEFEED
                    + "/tables/rebalance_table", "");
            assertThat(rebalance.status()).as(rebalance.body()).isEqualTo(202);
            Map<String, Set<Long>> rebalanced = awaitPlacement(3, 6);
            assertThat(rebalanced.get(joinedId)).as("the joined capture's tables: %s", rebalanced).hasSize(2);
            writes(connection, tables, 40);
            awaitIdentical();

            ServerProcess owner = servers.stream().filter(TableSchedulingIT::isOwner).findFirst().orElseThrow();
            String ownerId = captureId(owner);
            killDuringWrites(owner, tables, 300);
            await("another capture is the owner").atMost(DEADLINE)
                    .until(() -> servers.stream().anyMatch(TableSchedulingIT::isOwner));
            Map<String, Set<Long>> afterOwner = awaitPlacement(2, 6);
            assertThat(afterOwner).as("the new owner spreads the tables over the two captures left")
                    .doesNotContainKey(ownerId);
            awaitIdentical();
        } catch (AssertionError | RuntimeException e) {
            started.forEach(server -> System.out.println("---- log of capture " + server.address() + "\n"
                    + server.logText()));
            throw e;
        } finally {
            servers.reversed().forEach(ServerProcess::close);
        }
    }

    private ServerProcess start() {
        ServerProcess server = ServerProcess.start(dataDir.resolve("capture-" + servers.size() + "-"
                + FreePorts.next()), "--meta", "zk://" + zooKeeper.hostPort(), "--upstream", upstream.mysqlUri(),
                "--capture-session-ttl", "2");
        servers.add(server);
        started.add(server);
        return server;
    }

    /**
     * Kills {@code victim} with SIGKILL while {@code transactions} transactions are written over the tables, and
     * returns once all of them have committed; later calls go to a capture still alive.
     */
    private void killDuringWrites(ServerProcess victim, List<String> tables, int transactions) {
        int before = committed.get();
        List<String> spread = List.copyOf(tables);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (Connection other = upstream.connect()) {
                writes(other, spread, transactions);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        await("writes are under way").atMost(DEADLINE).until(() -> committed.get() > before + 50);
        assertThat(victim.kill()).as("capture %s killed", victim.address()).isEqualTo(137);
        servers.remove(victim);
        base = servers.getFirst().baseUrl();
        assertThat(writing.join()).as("the workload ran on while the capture died").isNull();
        assertThat(committed.get()).isEqualTo(before + transactions);
    }

    private static void createTable(Connection connection, String table) throws SQLException {
        execute(connection, "CREATE TABLE " + SCHEMA + "." + table
                + " (id INT PRIMARY KEY, v VARCHAR(32) NOT NULL, n BIGINT)");
    }

    /** Transactions of inserts, updates and deletes spread over the tables, most touching several of them. */
    private void writes(Connection connection, List<String> tables, int transactions) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < transactions; i++) {
                for (int s = 0; s < 4; s++) {
                    String table = SCHEMA + "." + tables.get(random.nextInt(tables.size()));
                    int id = random.nextInt(50);
                    switch (random.nextInt(4)) {
                        case 0 -> statement.execute("DELETE FROM " + table + " WHERE id = " + id);
                        case 1 -> statement.execute("UPDATE " + table + " SET n = n + 1, v = 'u" + i + "' WHERE id = "
                                + id);
                        default -> statement.execute("INSERT INTO " + table + " (id, v, n) VALUES (" + id + ", 'i"
                                + i + "', " + random.nextLong() + ") ON DUPLICATE KEY UPDATE v = VALUES(v), n = n - 1");
                    }
                }
                connection.commit();
                committed.incrementAndGet();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Waits until {@code tables} tables are spread evenly over {@code captures} captures, none listed twice, as the
     * owner balances them by count; returns where they are.
     */
    private Map<String, Set<Long>> awaitPlacement(int captures, int tables) {
        return await("the changefeed's " + tables + " tables placed over " + captures + " captures").atMost(DEADLINE)
                .until(this::placement, placement -> {
                    Set<Long> all = new HashSet<>();
                    int listed = 0;
                    for (Set<Long> ids : placement.values()) {
                        all.addAll(ids);
                        listed += ids.size();
                    }
                    int fewest = tables / captures;
                    int most = (tables + captures - 1) / captures;
                    return placement.size() == captures && all.size() == tables && listed == tables
                            && placement.values().stream().allMatch(ids -> ids.size() >= fewest
                            && ids.size() <= most);
                });
    }

    /** The tables each capture's processor of the changefeed lists, by capture; those without a processor left out. */
    private Map<String, Set<Long>> placement() {
        Map<String, Set<Long>> placement = new TreeMap<>();
        for (JsonNode capture : Http.get(base, "/api/v2/captures").json().path("items")) {
            String id = capture.path("id").asText();
            Http.Response processor = Http.get(base, "/api/v2/processors/" + CHANGEFEED + "/" + id);
            if (processor.status() == 200) {
                Set<Long> ids = new TreeSet<>();
                processor.json().path("table_ids").forEach(tableId -> ids.add(tableId.asLong()));
                placement.put(id, ids);
            }
        }
        return placement;
    }

    /** The tables of each capture as v1's changefeed detail lists them in {@code task_status}. */
    private Map<String, Set<Long>> taskStatusV1() {
        Map<String, Set<Long>> listed = new TreeMap<>();
        for (JsonNode task : Http.get(base, "/api/v1/changefeeds/" + CHANGEFEED).json().path("task_status")) {
            Set<Long> ids = new TreeSet<>();
            task.path("table_ids").forEach(tableId -> ids.add(tableId.asLong()));
            listed.put(task.path("capture_id").asText(), ids);
        }
        return listed;
    }

    private String captureId(ServerProcess server) {
        return await("capture at " + server.address() + " is registered").atMost(DEADLINE)
                .until(() -> {
                    for (JsonNode capture : Http.get(base, "/api/v2/captures").json().path("items")) {
                        if (capture.path("address").asText().equals(server.address())) {
                            return capture.path("id").asText();
                        }
                    }
                    return null;
                }, id -> id != null);
    }

    private static boolean isOwner(ServerProcess server) {
        return server.status().path("is_owner").asBoolean();
    }

    /** Waits until the checkpoint passes everything committed so far, then compares the schema row by row. */
    private void awaitIdentical() throws SQLException {
        long now = Tso.fromInstant(Instant.now().plusSeconds(1));
        await("changefeed checkpoint passes " + now).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode changefeed = Http.get(base, "/api/v2/changefeeds/" + CHANGEFEED).json();
                    assertThat(changefeed.path("state").asText()).as(changefeed.toString()).isIn("normal", "warning");
                    return changefeed.path("checkpoint_ts").asLong() >= now;
                });
        try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
            assertThat(SchemaDiff.firstDifference(left, right, SCHEMA)).as("first difference").isEmpty();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
