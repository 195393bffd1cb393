package io.cdc4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.meta.SchemaSnapshotStore;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableSchema;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.RecordingBlackholes;
import io.cdc4j.testing.TestDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema store across restarts, on a real upstream MariaDB and a real server: a changefeed paused at a checkpoint
 * between two DDLs and resumed after the second decodes the rows written between them with the schema of their time
 * (restored from the metadata, not read from the upstream as it is now), and however many DDLs a table had, the
 * changefeed keeps one saved version once its checkpoint has passed them.
 */
class SchemaVersionsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** DDLs of the churn test ({@code -Dcdc4j.it.churnDdls=N} runs another number). */
    private static final int CHURN_DDLS = Integer.getInteger("cdc4j.it.churnDdls", 10_000);
    private static final RecordingBlackholes RECORDER = new RecordingBlackholes();
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static CdcServer server;
    private static String base;
    private static CuratorFramework meta;
    private static SchemaSnapshotStore schemas;

    @BeforeAll
    static void start() throws SQLException {
        dataDir = TestDirs.fresh("schema-versions");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        execute("CREATE DATABASE sv");
        server = InProcessServers.readingUpstream(dataDir.resolve("server"), upstream.mysqlUri(), RECORDER.sinks());
        base = InProcessServers.baseUrl(server);
        await().atMost(DEADLINE).until(() -> Http.get(base, "/api/v2/health").status() == 200);
        meta = MetaSession.open(MetaEndpoint.local(server.embeddedMetaAddress().orElseThrow()), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        schemas = new SchemaSnapshotStore(meta, new MetaKeys(server.config().clusterId()));
    }

    @AfterAll
    static void stop() {
        meta.close();
        server.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void insert(String table, long fromTxn, long toTxn) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (long txn = fromTxn; txn <= toTxn; txn++) {
                statement.execute("INSERT INTO " + table + " (id, txn, a) VALUES (" + txn + ", " + txn + ", " + txn
                        + ")");
            }
        }
    }

    private static JsonNode changefeed(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static void create(String id, String table) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\","
                + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"" + table + "\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> changefeed(id).path("state").asText().equals("normal")
                && Http.get(base, "/api/v2/processors").json().path("items").size() > 0);
    }

    /** Waits until the transactions arrived and the changefeed's checkpoint passed them all. */
    private static void awaitCheckpointPast(String id, long fromTxn, long toTxn) {
        List<Long> txns = LongStream.rangeClosed(fromTxn, toTxn).boxed().toList();
        await().atMost(DEADLINE).until(() -> RECORDER.transactions().containsAll(txns));
        long last = txns.stream().flatMap(txn -> RECORDER.tsOf(txn).stream()).mapToLong(Long::longValue).max()
                .orElseThrow();
        await().atMost(DEADLINE).until(() -> changefeed(id).path("checkpoint_ts").asLong() >= last);
    }

    private static void pause(String id) {
        assertThat(Http.post(base, "/api/v2/changefeeds/" + id + "/pause", null).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> changefeed(id).path("state").asText().equals("stopped")
                && Http.get(base, "/api/v2/processors").json().path("items").findValues("changefeed_id").stream()
                .noneMatch(node -> node.asText().equals(id)));
    }

    private static void resume(String id) {
        Http.Response resumed = Http.post(base, "/api/v2/changefeeds/" + id + "/resume", "{}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    }

    private static TableSchema versionOf(long txn) {
        return RECORDER.tableOf(txn).flatMap(TableInfo::schema).orElseThrow(() -> new AssertionError(
                "transaction " + txn + " arrived without its table version"));
    }

    private static List<String> columns(TableSchema version) {
        return version.columns().stream().map(ColumnSchema::name).toList();
    }

    @Test
    void rowsBetweenTwoDdlsReadAfterARestartFromACheckpointBetweenThemGetTheSchemaOfTheirTime() throws Exception {
        execute("CREATE TABLE sv.t (id INT PRIMARY KEY, txn BIGINT NOT NULL, a INT, g INT AS (a * 2) VIRTUAL)");
        create("between", "sv.t");
        execute("ALTER TABLE sv.t ADD COLUMN b VARCHAR(8)");
        insert("sv.t", 1, 20);
        awaitCheckpointPast("between", 1, 20);
        pause("between");

        insert("sv.t", 21, 40);
        execute("ALTER TABLE sv.t DROP COLUMN g, ADD UNIQUE KEY ua (a)");
        insert("sv.t", 41, 60);
        resume("between");
        awaitCheckpointPast("between", 21, 60);

        for (long txn = 1; txn <= 40; txn++) {
            TableSchema version = versionOf(txn);
            assertThat(columns(version)).as("transaction %d, written before the second DDL", txn)
                    .containsExactly("id", "txn", "a", "g", "b");
            assertThat(version.column("g").orElseThrow().generated()).isTrue();
            assertThat(version.uniqueKeys()).isEmpty();
            TableInfo table = RECORDER.tableOf(txn).orElseThrow();
            assertThat(table.columns()).extracting(ColumnInfo::generated).as("transaction %d", txn)
                    .containsExactly(false, false, false, true, false);
            assertThat(table.uniqueKeys()).as("transaction %d: the unique key came later", txn).isEmpty();
        }
        for (long txn = 41; txn <= 60; txn++) {
            TableSchema version = versionOf(txn);
            assertThat(columns(version)).as("transaction %d", txn).containsExactly("id", "txn", "a", "b");
            assertThat(version.uniqueKeys()).extracting(IndexSchema::name).containsExactly("ua");
            assertThat(RECORDER.tableOf(txn).orElseThrow().uniqueKeys()).hasSize(1);
        }
        ChangefeedId id = new ChangefeedId("default", "between");
        await("versions older than the checkpoint's are dropped").atMost(DEADLINE)
                .until(() -> schemas.versions(id).size() == 1);
    }

    @Test
    void thousandsOfDdlsLeaveOneSavedVersionAndARestartCostsWhatItDidAfterTen() throws Exception {
        execute("CREATE TABLE sv.churn (id INT PRIMARY KEY, txn BIGINT NOT NULL, a INT, c INT DEFAULT 0)");
        create("churn", "sv.churn");
        ChangefeedId id = new ChangefeedId("default", "churn");
        long txn = 100_000;
        Restart afterTen = churnThenRestart(id, 10, txn);
        Restart afterMany = churnThenRestart(id, CHURN_DDLS, txn + 10);
        System.out.printf("schema store restart after %d DDLs: %d ms to the first row, %d saved version(s) of %d "
                        + "bytes; after %d DDLs: %d ms, %d version(s) of %d bytes%n", 10, afterTen.millis(),
                afterTen.versions(), afterTen.bytes(), CHURN_DDLS, afterMany.millis(), afterMany.versions(),
                afterMany.bytes());
        assertThat(afterMany.versions()).isEqualTo(afterTen.versions()).isEqualTo(1);
        assertThat(afterMany.bytes()).as("the saved schemas do not grow with the DDLs read")
                .isBetween(afterTen.bytes() - 16, afterTen.bytes() + 16);
        assertThat(versionOf(txn + 10).column("c").orElseThrow().defaultText())
                .as("the last DDL's default is the one in force").contains(String.valueOf(CHURN_DDLS + 10));
    }

    @Test
    void aTableChangedWithoutItsDdlInTheBinlogStopsTheChangefeedShowingBothSchemas() throws Exception {
        execute("CREATE TABLE sv.hidden (id INT PRIMARY KEY, txn BIGINT NOT NULL, a INT)");
        create("hidden", "sv.hidden");
        long startTs = changefeed("hidden").path("checkpoint_ts").asLong();
        await("the reader runs, its schemas loaded").atMost(DEADLINE)
                .until(() -> changefeed("hidden").path("checkpoint_ts").asLong() > startTs);
        insert("sv.hidden", 200_001, 200_001);
        awaitCheckpointPast("hidden", 200_001, 200_001);
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_log_bin = 0");
            statement.execute("ALTER TABLE sv.hidden ADD COLUMN x INT AFTER a");
            statement.execute("SET SESSION sql_log_bin = 1");
        }
        insert("sv.hidden", 200_002, 200_002);
        await().atMost(DEADLINE).until(() -> changefeed("hidden").path("state").asText().equals("failed"));
        JsonNode error = changefeed("hidden").path("error");
        assertThat(error.path("code").asText()).isEqualTo("CDC:ErrSchemaStorageMismatch");
        assertThat(error.path("message").asText()).contains("[id, txn, a, x]").contains("[id, txn, a]")
                .contains("sql_log_bin");
        assertThat(RECORDER.transactions()).as("the row was not decoded with a schema it was not written under")
                .doesNotContain(200_002L);
    }

    /** The cost of a restart: time from the resume call to the first row after it, and what the store keeps. */
    private record Restart(long millis, int versions, int bytes) {
    }

    private Restart churnThenRestart(ChangefeedId id, int ddls, long txn) throws Exception {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            int first = Integer.parseInt(versionDefault());
            for (int i = 1; i <= ddls; i++) {
                statement.execute("ALTER TABLE sv.churn ALTER COLUMN c SET DEFAULT " + (first + i));
            }
        }
        insert("sv.churn", txn, txn);
        awaitCheckpointPast(id.id(), txn, txn);
        await().atMost(DEADLINE).until(() -> schemas.versions(id).size() == 1);
        SchemaVersion kept = schemas.versions(id).getFirst();
        int bytes = meta.getData().forPath(new MetaKeys(server.config().clusterId())
                .schemaSnapshot(id, kept.toString())).length;
        pause(id.id());
        insert("sv.churn", txn + 1, txn + 1);
        long resumed = System.nanoTime();
        resume(id.id());
        await().atMost(DEADLINE).until(() -> RECORDER.transactions().contains(txn + 1));
        long millis = (System.nanoTime() - resumed) / 1_000_000;
        return new Restart(millis, schemas.versions(id).size(), bytes);
    }

    private static String versionDefault() throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE "
                     + "TABLE_SCHEMA = 'sv' AND TABLE_NAME = 'churn' AND COLUMN_NAME = 'c'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
