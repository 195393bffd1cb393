package io.cdc4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.model.Tso;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a changefeed created over the API starts, on a real upstream MariaDB: created "now" while the upstream
 * writes, it gets no transaction committed before the create call and every one after; a start ts (or a resume's
 * new checkpoint) older than the oldest binlog, and an upstream not set up for CDC, are refused by the call itself
 * with a 400, leaving nothing behind.
 */
class ChangefeedStartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final RecordingBlackholes RECORDER = new RecordingBlackholes();
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static CdcServer server;
    private static String base;

    @BeforeAll
    static void start() throws SQLException {
        dataDir = TestDirs.fresh("changefeed-start");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE start");
            statement.execute("CREATE TABLE start.ticks (id BIGINT PRIMARY KEY, txn BIGINT NOT NULL)");
        }
        server = InProcessServers.readingUpstream(dataDir.resolve("server"), upstream.mysqlUri(), RECORDER.sinks());
        base = InProcessServers.baseUrl(server);
        await().atMost(DEADLINE).until(() -> Http.get(base, "/api/v2/health").status() == 200);
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void aChangefeedCreatedWhileTheUpstreamWritesGetsNothingFromBeforeTheCallAndEverythingAfter() throws Exception {
        ConcurrentMap<Long, Long> commitStarted = new ConcurrentHashMap<>();
        ConcurrentMap<Long, Long> commitReturned = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lastId = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("ticks-writer").start(() -> {
            try (Connection connection = upstream.connect();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO start.ticks VALUES (?, ?)")) {
                for (long id = 1; writing.get(); id++) {
                    insert.setLong(1, id);
                    insert.setLong(2, id);
                    commitStarted.put(id, System.nanoTime());
                    insert.executeUpdate();
                    commitReturned.put(id, System.nanoTime());
                    lastId.set(id);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
                }
            } catch (Throwable e) {
                writerFailure.set(e);
            }
        });
        await().atMost(DEADLINE).until(() -> lastId.get() >= 100);
        long sent = System.nanoTime();
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"now\","
                + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"start.ticks\"]}}}");
        long returned = System.nanoTime();
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long returnedAt = lastId.get();
        // the insert in flight when the call returned started before it: it counts neither as before nor after
        await().atMost(DEADLINE).until(() -> lastId.get() >= returnedAt + 301);
        writing.set(false);
        writer.join();
        assertThat(writerFailure.get()).isNull();

        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        for (long id = 1; id <= lastId.get(); id++) {
            if (commitReturned.get(id) < sent) {
                before.add(id);
            } else if (commitStarted.get(id) > returned) {
                after.add(id);
            }
        }
        assertThat(before).hasSizeGreaterThanOrEqualTo(100);
        assertThat(after).hasSizeGreaterThanOrEqualTo(300);
        await("every transaction committed after the create call returned arrives").atMost(DEADLINE)
                .until(() -> RECORDER.transactions().containsAll(after));
        assertThat(RECORDER.transactions()).as("none committed before the create call was sent")
                .doesNotContainAnyElementsOf(before);
        long first = RECORDER.transactions().stream().mapToLong(Long::longValue).min().orElseThrow();
        for (long id = first; id <= lastId.get(); id++) {
            assertThat(RECORDER.tsOf(id)).as("transaction %d arrives once, under one ts", id).hasSize(1);
            assertThat(RECORDER.tsOf(id).iterator().next()).as("transaction %d's ts is above the start ts", id)
                    .isGreaterThan(created.json().get("start_ts").asLong());
        }
    }

    @Test
    void aStartTsBeforeTheOldestBinlogIsRefusedByTheCreateCallAndByAResumeThatMovesTheCheckpoint() throws Exception {
        String oldest;
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            rows.next();
            oldest = rows.getString(1);
        }
        long longAgo = Tso.compose(System.currentTimeMillis() - Duration.ofDays(2).toMillis(), 0);
        Http.Response refused = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"old\","
                + "\"sink_uri\":\"blackhole://\",\"start_ts\":" + longAgo + "}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrStartTsBeforeGC");
        assertThat(refused.json().get("error_msg").asText()).contains(String.valueOf(longAgo))
                .contains("oldest binlog").contains(oldest).contains("choose a later start-ts");
        assertNotFound("old");

        Http.Response kept = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"kept\","
                + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"start.other\"]}}}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(Http.post(base, "/api/v2/changefeeds/kept/pause", null).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> changefeed("kept").get("state").asText().equals("stopped"));
        Http.Response resumed = Http.post(base, "/api/v2/changefeeds/kept/resume",
                "{\"overwrite_checkpoint_ts\":" + longAgo + "}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(400);
        assertThat(resumed.json().get("error_code").asText()).isEqualTo("CDC:ErrStartTsBeforeGC");
        assertThat(changefeed("kept").get("state").asText()).as("the refused resume left it paused")
                .isEqualTo("stopped");
    }

    @Test
    void anUpstreamWritingStatementBinlogsIsRefusedWith400AndNothingIsStored() throws Exception {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL binlog_format = 'STATEMENT'");
            try {
                Http.Response refused = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"statement\","
                        + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"start.*\"]}}}");
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrUpstreamPrerequisite");
                assertThat(refused.json().get("error_msg").asText()).contains("binlog_format=STATEMENT")
                        .contains("SET GLOBAL binlog_format='ROW'");
            } finally {
                statement.execute("SET GLOBAL binlog_format = 'ROW'");
            }
        }
        assertNotFound("statement");
    }

    @Test
    void aProcessorListsItsTablesFromItsStartAndFollowsCreateAndDrop() throws Exception {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE listed");
            statement.execute("CREATE TABLE listed.quiet (id BIGINT PRIMARY KEY)");
            statement.execute("CREATE TABLE listed.keyed (id BIGINT NOT NULL, UNIQUE KEY (id))");
            statement.execute("CREATE TABLE listed.nokey (id BIGINT)");
            statement.execute("CREATE TABLE listed.filtered (id BIGINT PRIMARY KEY)");
        }
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"listing\","
                + "\"sink_uri\":\"blackhole://\",\"replica_config\":{\"ignore_ineligible_table\":true,"
                + "\"filter\":{\"rules\":[\"listed.*\",\"!listed.filtered\"]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String processor = "/api/v2/processors/listing/" + server.capture().id();
        await("the two eligible tables, before any row of them").atMost(DEADLINE)
                .until(() -> tableIds(processor).size() == 2);
        List<Long> atStart = tableIds(processor);

        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE listed.later (id BIGINT PRIMARY KEY)");
        }
        await("a table created later joins").atMost(DEADLINE).until(() -> tableIds(processor).size() == 3);
        List<Long> withLater = tableIds(processor);
        assertThat(withLater).containsAll(atStart);
        long later = withLater.stream().filter(id -> !atStart.contains(id)).findFirst().orElseThrow();
        long keyed = atStart.stream().mapToLong(Long::longValue).min().orElseThrow();
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE listed.quiet");
        }
        await("a dropped table leaves (ids are given in name order: keyed, then quiet)").atMost(DEADLINE)
                .until(() -> tableIds(processor).size() == 2);
        assertThat(tableIds(processor)).containsExactlyInAnyOrder(keyed, later);
        JsonNode v1 = Http.get(base, "/api/v1/processors/listing/" + server.capture().id()).json();
        List<Long> v1Ids = new ArrayList<>();
        v1.get("table_ids").forEach(id -> v1Ids.add(id.asLong()));
        assertThat(v1Ids).containsExactlyInAnyOrderElementsOf(tableIds(processor));
    }

    private static List<Long> tableIds(String path) {
        List<Long> ids = new ArrayList<>();
        JsonNode answer = Http.get(base, path).json().get("table_ids");
        if (answer != null) {
            answer.forEach(id -> ids.add(id.asLong()));
        }
        return ids;
    }

    private static void assertNotFound(String id) {
        Http.Response gone = Http.get(base, "/api/v2/changefeeds/" + id);
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
    }

    private static JsonNode changefeed(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }
}
