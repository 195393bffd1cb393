package io.cdc4j.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.capture.Liveness;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.config.ReplicaConfigToml;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.model.Tso;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FedChangeSources;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The changefeed and processor routes of v2 and v1 over real HTTP against one capture with a fed change source. */
class ChangefeedApiIT {
    @TempDir
    static Path dataDir;
    static CdcServer server;
    static String base;
    static FedChangeSources sources = new FedChangeSources();
    static CuratorFramework zk;
    static final MetaKeys KEYS = new MetaKeys("default");

    @BeforeAll
    static void start() {
        server = InProcessServers.withEmbeddedMeta(dataDir, ServerOptions.standard().withSources(sources));
        base = InProcessServers.baseUrl(server);
        zk = MetaSession.open(MetaEndpoint.local(server.embeddedMetaAddress().orElseThrow()), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
    }

    @AfterAll
    static void stop() {
        zk.close();
        server.close();
    }

    static Http.Response create(String body) {
        return Http.post(base, "/api/v2/changefeeds", body);
    }

    static String state(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json().get("state").asText();
    }

    static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    static List<String> changefeedNodes() throws Exception {
        var path = "/default/changefeed/info/default";
        return zk.checkExists().forPath(path) == null ? List.of() : zk.getChildren().forPath(path);
    }

    @Test
    void createAnswersTheChangefeedWithMaskedSinkAndTiCdcFields() {
        Http.Response response = create("{\"changefeed_id\":\"created\",\"sink_uri\":"
                + "\"blackhole://root:secret@127.0.0.1:9/?sasl-password=pw&b=1&a=2\",\"unknown_field\":1}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cf = response.json();
        assertThat(fieldNames(cf)).containsExactly("namespace", "id", "sink_uri", "create_time", "start_ts",
                "config", "state", "creator_version", "resolved_ts", "checkpoint_ts", "checkpoint_time");
        assertThat(cf.get("sink_uri").asText()).isEqualTo("blackhole://root:xxxxx@127.0.0.1:9/?a=2&b=1&sasl-password=xxxxx");
        assertThat(response.body()).contains("\\u0026");
        assertThat(cf.get("namespace").asText()).isEqualTo("default");
        assertThat(cf.get("state").asText()).isEqualTo("normal");
        long startTs = cf.get("start_ts").asLong();
        assertThat(Tso.physical(startTs)).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(cf.get("resolved_ts").asLong()).isEqualTo(startTs);
        assertThat(cf.get("checkpoint_ts").asLong()).isEqualTo(startTs);
        assertThat(cf.get("checkpoint_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(cf.get("create_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(cf.get("config").get("filter").get("rules").get(0).asText()).isEqualTo("*.*");

        JsonNode meta = Http.get(base, "/api/v2/changefeeds/created/meta_info").json();
        assertThat(meta.get("sink_uri").asText()).isEqualTo("blackhole://root:secret@127.0.0.1:9/?sasl-password=pw&b=1&a=2");
        JsonNode get = Http.get(base, "/api/v2/changefeeds/created").json();
        assertThat(get.get("sink_uri").asText()).contains("xxxxx").doesNotContain("secret");
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(base, "/api/v2/changefeeds/created").json()
                .has("task_status"));
        assertThat(Http.get(base, "/api/v2/changefeeds/created").json().get("task_status").get(0)
                .get("capture_id").asText()).isEqualTo(server.capture().id());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"changefeed_id\":\"r1\"}|CDC:ErrSinkURIInvalid",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"\"}|CDC:ErrSinkURIInvalid",
            "{\"changefeed_id\":\"bad_id\",\"sink_uri\":\"blackhole://\"}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"-r1\",\"sink_uri\":\"blackhole://\"}|CDC:ErrAPIInvalidParam",
            "{\"namespace\":\"a/b\",\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\"}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"start_ts\":9999999999999999999}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"start_ts\":-1}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"start_ts\":\"1\"}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"start_ts\":400000000000000000,\"target_ts\":300000000000000000}|CDC:ErrTargetTsBeforeStartTs",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"nosuch://x\"}|CDC:ErrSinkURIInvalid",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"mysql://root@127.0.0.1:1/\"}|CDC:ErrMySQLConnectionError",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"mysql://root@127.0.0.1:1/?worker-count=many\"}|CDC:ErrSinkURIInvalid",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"mysql://root@127.0.0.1:1/?no-such-option=1\"}|CDC:ErrSinkURIInvalid",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}|CDC:ErrFilterRuleInvalid",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"event_filters\":[{\"matcher\":[\"*.*\"],\"ignore_event\":[\"nope\"]}]}}}|CDC:ErrInvalidIgnoreEventType",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"changefeed_error_stuck_duration\":\"1m\"}}|CDC:ErrInvalidReplicaConfig",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"memory_quota\":\"x\"}}|CDC:ErrAPIInvalidParam",
            "{\"changefeed_id\":\"r1\",\"sink_uri\":|CDC:ErrAPIInvalidParam",
            "[]|CDC:ErrAPIInvalidParam",
    })
    void rejectedCreatesAnswer400AndLeaveNothingBehind(String body, String code) throws Exception {
        Http.Response response = create(body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error_code").asText()).isEqualTo(code);
        assertThat(response.json().get("error_msg").asText()).startsWith("[" + code + "]");
        assertThat(changefeedNodes()).doesNotContain("r1");
        assertThat(zk.checkExists().forPath("/default/changefeed/status/default/r1")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "pulsar://127.0.0.1:9/t?protocol=canal-json||CDC:ErrSinkURIInvalid|the sink scheme (pulsar) is not supported by cdc4j yet",
            "s3://bucket/prefix|{\"bdr_mode\":true}|CDC:ErrSinkURIInvalid|the sink scheme (s3) is not supported by cdc4j yet",
            "blackhole://|{\"bdr_mode\":true}|CDC:ErrInvalidReplicaConfig|bdr_mode (TOML bdr-mode) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/|{\"enable_sync_point\":true}|CDC:ErrInvalidReplicaConfig|enable_sync_point (TOML enable-sync-point) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/|{\"consistent\":{\"level\":\"eventual\",\"storage\":\"file:///tmp/redo\"}}|CDC:ErrInvalidReplicaConfig|consistent.level (TOML [consistent] level) is not supported by cdc4j yet",
            "blackhole://|{\"filter\":{\"event_filters\":[{\"matcher\":[\"db.*\"],\"ignore_insert_value_expr\":\"id > 1\"}]}}|CDC:ErrInvalidReplicaConfig|filter.event_filters[0].ignore_insert_value_expr (TOML [[filter.event-filters]] ignore-insert-value-expr) is not supported by cdc4j yet",
            "blackhole://|{\"filter\":{\"ignore_txn_start_ts\":[1]}}|CDC:ErrInvalidReplicaConfig|filter.ignore_txn_start_ts (TOML [filter] ignore-txn-start-ts) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/|{\"sink\":{\"dispatchers\":[{\"matcher\":[\"db.*\"],\"partition\":\"ts\"}]}}|CDC:ErrSinkInvalidConfig|sink.dispatchers (TOML [[sink.dispatchers]]) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/|{\"sink\":{\"column_selectors\":[{\"matcher\":[\"db.*\"],\"columns\":[\"id\"]}]}}|CDC:ErrSinkInvalidConfig|sink.column_selectors (TOML [[sink.column-selectors]]) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/|{\"sink\":{\"mysql_config\":{\"tidb_txn_mode\":\"pessimistic\"}}}|CDC:ErrSinkInvalidConfig|sink.mysql_config.tidb_txn_mode (TOML [sink.mysql-config] tidb-txn-mode) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/?max-multi-update-row=5||CDC:ErrSinkURIInvalid|parameter max-multi-update-row=5 (TOML [sink.mysql-config] max-multi-update-row) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/?transaction-atomicity=table||CDC:ErrSinkURIInvalid|parameter transaction-atomicity=table (TOML [sink] transaction-atomicity) is not supported by cdc4j yet",
            "mysql://root@127.0.0.1:1/?has-vector-type=true||CDC:ErrSinkURIInvalid|parameter has-vector-type=true is not supported by cdc4j yet",
    })
    void aSettingCdc4jDoesNotActOnIsRefusedByNameAndLeavesNothingBehind(String sinkUri, String replicaConfig,
            String code, String message) throws Exception {
        String config = replicaConfig == null ? "" : ",\"replica_config\":" + replicaConfig;
        Http.Response response = create("{\"changefeed_id\":\"unsup\",\"sink_uri\":\"" + sinkUri + "\"" + config + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error_code").asText()).isEqualTo(code);
        assertThat(response.json().get("error_msg").asText()).startsWith("[" + code + "]").contains(message);
        assertThat(changefeedNodes()).doesNotContain("unsup");
        assertThat(zk.checkExists().forPath("/default/changefeed/status/default/unsup")).isNull();
    }

    @Test
    void aTomlFileFromTheCliParserIsJudgedTheSameWay() throws Exception {
        ReplicaConfig refused = ReplicaConfigToml.decode("""
                [[filter.event-filters]]
                matcher = ["db.*"]
                ignore-event = ["delete"]
                ignore-update-new-value-expr = "price > 10"
                """);
        Http.Response response = create("{\"changefeed_id\":\"toml\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + ReplicaConfigJson.toTree(refused) + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_msg").asText()).contains(
                "filter.event_filters[0].ignore_update_new_value_expr (TOML [[filter.event-filters]]"
                        + " ignore-update-new-value-expr) is not supported by cdc4j yet");
        assertThat(changefeedNodes()).doesNotContain("toml");

        ReplicaConfig defaults = ReplicaConfigToml.decode("""
                bdr-mode = false
                enable-sync-point = false
                [consistent]
                level = "none"
                [[filter.event-filters]]
                matcher = ["db.*"]
                ignore-event = ["delete"]
                """);
        Http.Response accepted = create("{\"changefeed_id\":\"toml\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + ReplicaConfigJson.toTree(defaults) + "}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/toml", null).status()).isEqualTo(200);
    }

    @Test
    void anUpdateIsJudgedTheSameWayAndTheConfigAGetAnswersCanBePutBack() {
        assertThat(create("{\"changefeed_id\":\"back\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + "{\"filter\":{\"rules\":[\"db.*\"]}}}").status()).isEqualTo(200);
        Http.post(base, "/api/v2/changefeeds/back/pause", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("back").equals("stopped"));
        JsonNode config = Http.get(base, "/api/v2/changefeeds/back").json().get("config");

        Http.Response refused = Http.send("PUT", base, "/api/v2/changefeeds/back",
                "{\"replica_config\":{\"enable_sync_point\":true}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrChangefeedUpdateRefused");
        assertThat(refused.json().get("error_msg").asText()).contains(
                "[CDC:ErrInvalidReplicaConfig]enable_sync_point (TOML enable-sync-point) is not supported by cdc4j yet");
        Http.Response refusedUri = Http.send("PUT", base, "/api/v2/changefeeds/back",
                "{\"sink_uri\":\"pulsar://127.0.0.1:9/t?protocol=canal-json\"}");
        assertThat(refusedUri.status()).isEqualTo(400);
        assertThat(refusedUri.json().get("error_msg").asText()).contains("[CDC:ErrSinkURIInvalid]the sink scheme (pulsar)"
                + " is not supported by cdc4j yet");
        assertThat(Http.get(base, "/api/v2/changefeeds/back").json().get("config")).isEqualTo(config);

        Http.Response putBack = Http.send("PUT", base, "/api/v2/changefeeds/back",
                "{\"target_ts\":" + Tso.fromInstant(Instant.now().plusSeconds(3600)) + ",\"replica_config\":" + config
                        + "}");
        assertThat(putBack.status()).as(putBack.body()).isEqualTo(200);
        assertThat(putBack.json().get("config")).isEqualTo(config);
    }

    @Test
    void emptyAndHugeBodiesAre400() throws Exception {
        assertThat(create("").status()).isEqualTo(400);
        String huge = "{\"changefeed_id\":\"huge\",\"sink_uri\":\"blackhole://\",\"pad\":\"" + "x".repeat(10 << 20) + "\"}";
        Http.Response response = create(huge);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_code").asText()).isEqualTo("CDC:ErrAPIInvalidParam");
        assertThat(changefeedNodes()).doesNotContain("huge");
    }

    @Test
    void aSecondCreateOfTheSameIdIs400AlreadyExists() {
        assertThat(create("{\"changefeed_id\":\"twice\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        Http.Response again = create("{\"changefeed_id\":\"twice\",\"sink_uri\":\"blackhole://\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedAlreadyExists");
    }

    @Test
    void startTsInTheFutureIsRefused() {
        long future = Tso.fromInstant(Instant.now().plusSeconds(3600));
        Http.Response response = create("{\"changefeed_id\":\"future\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + future + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_msg").asText()).contains("larger than current tso");
    }

    @Test
    void createWithoutIdGeneratesAUuidAndNamespacesKeepChangefeedsApart() {
        JsonNode cf = create("{\"namespace\":\"other\",\"sink_uri\":\"blackhole://\"}").json();
        assertThat(cf.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(cf.get("namespace").asText()).isEqualTo("other");
        String id = cf.get("id").asText();
        assertThat(Http.get(base, "/api/v2/changefeeds/" + id).status()).isEqualTo(400);
        assertThat(Http.get(base, "/api/v2/changefeeds/" + id + "?namespace=other").status()).isEqualTo(200);
        JsonNode list = Http.get(base, "/api/v2/changefeeds?namespace=other").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/" + id + "?namespace=other", null).status())
                .isEqualTo(200);
    }

    @Test
    void getOfMissingOrInvalidIdIs400() {
        Http.Response missing = Http.get(base, "/api/v2/changefeeds/missing");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
        Http.Response invalid = Http.get(base, "/api/v2/changefeeds/bad_id");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("error_msg").asText()).isEqualTo("[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id");
        for (String path : List.of("/status", "/synced", "/meta_info", "/pause")) {
            Http.Response r = path.equals("/pause") ? Http.post(base, "/api/v2/changefeeds/missing" + path, null)
                    : Http.get(base, "/api/v2/changefeeds/missing" + path);
            assertThat(r.status()).as(path).isEqualTo(400);
        }
        assertThat(Http.post(base, "/api/v2/changefeeds/missing/resume", "{}").status()).isEqualTo(400);
        assertThat(Http.send("PUT", base, "/api/v2/changefeeds/missing", "{}").status()).isEqualTo(400);
    }

    @Test
    void pauseUpdateResumeFollowTheStateMachine() {
        assertThat(create("{\"changefeed_id\":\"cycle\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "cycle");
        sources.running(id);

        Http.Response refused = Http.send("PUT", base, "/api/v2/changefeeds/cycle", "{\"target_ts\":"
                + (Tso.fromInstant(Instant.now().plusSeconds(60))) + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrChangefeedUpdateRefused");
        assertThat(Http.post(base, "/api/v2/changefeeds/cycle/resume", "{}").status()).isEqualTo(200);
        assertThat(state("cycle")).isEqualTo("normal");

        Http.Response pause = Http.post(base, "/api/v2/changefeeds/cycle/pause", null);
        assertThat(pause.status()).isEqualTo(200);
        assertThat(pause.body()).isEqualTo("{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cycle").equals("stopped"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sources.sourcesOf(id).getLast().isClosed());
        JsonNode stopped = Http.get(base, "/api/v2/changefeeds/cycle").json();
        assertThat(stopped.get("admin_job_type").asInt()).isEqualTo(1);
        assertThat(stopped.has("task_status")).isFalse();
        assertThat(Http.post(base, "/api/v2/changefeeds/cycle/pause", null).status()).isEqualTo(200);

        long target = Tso.fromInstant(Instant.now().plusSeconds(3600));
        Http.Response updated = Http.send("PUT", base, "/api/v2/changefeeds/cycle", "{\"target_ts\":" + target
                + ",\"replica_config\":{\"filter\":{\"rules\":[\"db.*\"]}}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("target_ts").asLong()).isEqualTo(target);
        assertThat(updated.json().get("config").get("filter").get("rules").get(0).asText()).isEqualTo("db.*");
        assertThat(updated.json().get("config").get("check_gc_safe_point").asBoolean()).isFalse();
        Http.Response same = Http.send("PUT", base, "/api/v2/changefeeds/cycle", "{\"target_ts\":" + target + "}");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("error_msg").asText()).contains("same with the old one");
        Http.Response badTarget = Http.send("PUT", base, "/api/v2/changefeeds/cycle", "{\"target_ts\":1}");
        assertThat(badTarget.json().get("error_code").asText()).isEqualTo("CDC:ErrChangefeedUpdateRefused");
        Http.Response badSink = Http.send("PUT", base, "/api/v2/changefeeds/cycle", "{\"sink_uri\":\"nosuch://\"}");
        assertThat(badSink.status()).isEqualTo(400);
        assertThat(badSink.json().get("error_msg").asText()).contains("CDC:ErrSinkURIInvalid");

        assertThat(Http.post(base, "/api/v2/changefeeds/cycle/resume", "").status()).isEqualTo(400);
        assertThat(Http.post(base, "/api/v2/changefeeds/cycle/resume", "{\"overwrite_checkpoint_ts\":"
                + Tso.fromInstant(Instant.now().plusSeconds(3600)) + "}").status()).isEqualTo(400);
        assertThat(Http.post(base, "/api/v2/changefeeds/cycle/resume", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cycle").equals("normal"));
        var resumed = sources.running(id);
        assertThat(resumed).isNotSameAs(sources.sourcesOf(id).getFirst());
    }

    @Test
    void resumeWithOverwriteMovesStartAndCheckpoint() {
        assertThat(create("{\"changefeed_id\":\"rewind\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        Http.post(base, "/api/v2/changefeeds/rewind/pause", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("rewind").equals("stopped"));
        long earlier = Tso.fromInstant(Instant.now().minusSeconds(600));
        assertThat(Http.post(base, "/api/v2/changefeeds/rewind/resume", "{\"overwrite_checkpoint_ts\":" + earlier
                + "}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("rewind").equals("normal"));
        JsonNode cf = Http.get(base, "/api/v2/changefeeds/rewind").json();
        assertThat(cf.get("start_ts").asLong()).isEqualTo(earlier);
        assertThat(cf.get("checkpoint_ts").asLong()).isEqualTo(earlier);
        assertThat(sources.running(new ChangefeedId("default", "rewind")).startTs()).isEqualTo(earlier);
    }

    @Test
    void checkpointFollowsTheSinkAndTargetTsFinishes() {
        long start = Tso.fromInstant(Instant.now().minusSeconds(60));
        long target = start + Tso.compose(10_000, 0);
        assertThat(create("{\"changefeed_id\":\"bounded\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + start
                + ",\"target_ts\":" + target + "}").status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "bounded");
        var consumer = sources.running(id).consumer();
        long mid = start + Tso.compose(1_000, 0);
        consumer.onResolved(mid, ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Http.get(base, "/api/v2/changefeeds/bounded").json().get("checkpoint_ts").asLong() == mid);
        JsonNode status = Http.get(base, "/api/v2/changefeeds/bounded/status").json();
        assertThat(fieldNames(status)).containsExactly("state", "resolved_ts", "checkpoint_ts");
        assertThat(status.get("resolved_ts").asLong()).isEqualTo(mid);
        JsonNode synced = Http.get(base, "/api/v2/changefeeds/bounded/synced").json();
        assertThat(fieldNames(synced)).containsExactly("synced", "sink_checkpoint_ts", "puller_resolved_ts",
                "last_synced_ts", "now_ts", "info");
        assertThat(synced.get("synced").asBoolean()).isFalse();
        JsonNode documented = Http.get(base, "/api/v2/changefeed/bounded/synced").json();
        assertThat(fieldNames(documented)).as("the English document's path").containsExactlyElementsOf(
                fieldNames(synced));
        assertThat(documented.get("sink_checkpoint_ts")).isEqualTo(synced.get("sink_checkpoint_ts"));
        Http.Response missing = Http.get(base, "/api/v2/changefeed/nobody/synced");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");

        consumer.onResolved(target + Tso.compose(5_000, 0), ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> state("bounded").equals("finished"));
        JsonNode finished = Http.get(base, "/api/v2/changefeeds/bounded").json();
        assertThat(finished.get("checkpoint_ts").asLong()).isEqualTo(target);
        assertThat(finished.get("admin_job_type").asInt()).isEqualTo(4);
        List<String> defaultList = StreamSupport.stream(Http.get(base, "/api/v2/changefeeds").json().get("items")
                .spliterator(), false).map(item -> item.get("id").asText()).toList();
        assertThat(defaultList).doesNotContain("bounded");
        JsonNode finishedOnly = Http.get(base, "/api/v2/changefeeds?state=finished").json();
        assertThat(finishedOnly.get("items").get(0).get("id").asText()).isEqualTo("bounded");
        assertThat(fieldNames(finishedOnly.get("items").get(0))).containsExactly("upstream_id", "namespace", "id",
                "state", "checkpoint_tso", "checkpoint_time", "error");
        assertThat(Http.post(base, "/api/v2/changefeeds/bounded/pause", null).status()).isEqualTo(200);
        assertThat(state("bounded")).isEqualTo("finished");
    }

    @Test
    void aSourceWarningShowsTheChangefeedInWarningUntilItDeliversAgain() {
        long start = Tso.fromInstant(Instant.now().minusSeconds(60));
        assertThat(create("{\"changefeed_id\":\"warned\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + start
                + "}").status()).isEqualTo(200);
        var consumer = sources.running(new ChangefeedId("default", "warned")).consumer();
        consumer.onResolved(start + Tso.compose(1_000, 0), ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v2/changefeeds/warned").json()
                .get("checkpoint_ts").asLong() == start + Tso.compose(1_000, 0));

        consumer.onWarning(new java.io.IOException("the upstream closed the binlog connection"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("warned").equals("warning"));
        JsonNode item = StreamSupport.stream(Http.get(base, "/api/v2/changefeeds").json().get("items").spliterator(),
                false).filter(i -> i.get("id").asText().equals("warned")).findFirst().orElseThrow();
        assertThat(item.get("state").asText()).isEqualTo("warning");
        assertThat(item.get("error").get("message").asText()).contains("the upstream closed the binlog connection");

        consumer.onResolved(start + Tso.compose(2_000, 0), ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> state("warned").equals("normal"));
        assertThat(Http.get(base, "/api/v2/changefeeds/warned").json().get("checkpoint_ts").asLong())
                .isEqualTo(start + Tso.compose(2_000, 0));
    }

    @Test
    void deleteRemovesEveryKeyAndIsIdempotentInV2() throws Exception {
        assertThat(create("{\"changefeed_id\":\"doomed\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        sources.running(new ChangefeedId("default", "doomed"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                zk.checkExists().forPath("/default/task/default/doomed") != null
                        && !zk.getChildren().forPath("/default/task/default/doomed").isEmpty());
        Http.Response deleted = Http.send("DELETE", base, "/api/v2/changefeeds/doomed", null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(zk.checkExists().forPath("/default/changefeed/info/default/doomed")).isNull();
        assertThat(zk.checkExists().forPath("/default/changefeed/status/default/doomed")).isNull();
        assertThat(zk.checkExists().forPath("/default/task/default/doomed")).isNull();
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/doomed", null).status()).isEqualTo(200);
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/bad_id", null).status()).isEqualTo(400);
        Http.Response v1 = Http.send("DELETE", base, "/api/v1/changefeeds/doomed", null);
        assertThat(v1.status()).isEqualTo(400);
        assertThat(v1.json().get("error_code").asText()).isEqualTo("CDC:ErrChangeFeedNotExists");
    }

    @Test
    void processorsListAndDetail() {
        assertThat(create("{\"changefeed_id\":\"proc\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "proc");
        sources.running(id);
        String capture = server.capture().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v2/processors").body()
                .contains("\"changefeed_id\":\"proc\""));
        JsonNode list = Http.get(base, "/api/v2/processors").json();
        JsonNode item = StreamSupport.stream(list.get("items").spliterator(), false)
                .filter(i -> i.get("changefeed_id").asText().equals("proc")).findFirst().orElseThrow();
        assertThat(fieldNames(item)).containsExactly("namespace", "changefeed_id", "capture_id");
        assertThat(item.get("capture_id").asText()).isEqualTo(capture);
        assertThat(Http.get(base, "/api/v1/processors").json().isArray()).isTrue();

        Http.Response detail = Http.get(base, "/api/v2/processors/proc/" + capture);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).isEqualTo("{\"table_ids\":null}");
        var table = new TableInfo(42, new TableName("db", "t"),
                List.of(new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of())),
                List.of(0), List.of());
        long ts = Tso.fromInstant(Instant.now().plusSeconds(1));
        sources.running(id).consumer().onRows(new RowBatch(ts, 0, List.of(new RowChange(RowKind.INSERT, table, ts,
                Optional.empty(), Optional.of(new RowImage(new Object[] {1}))))));
        sources.running(id).consumer().onCommit(ts);
        sources.running(id).consumer().onResolved(ts, ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v2/processors/proc/" + capture)
                .body().equals("{\"table_ids\":[42]}"));
        // rows and the resolved ts may be published by two reports of the processor: wait for the second
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v1/processors/proc/" + capture)
                .json().get("checkpoint_ts").asLong() == ts);
        JsonNode v1 = Http.get(base, "/api/v1/processors/proc/" + capture).json();
        assertThat(fieldNames(v1)).containsExactly("checkpoint_ts", "resolved_ts", "table_ids", "error");
        assertThat(v1.get("checkpoint_ts").asLong()).isEqualTo(ts);

        Http.Response noCapture = Http.get(base, "/api/v2/processors/proc/0000-1111");
        assertThat(noCapture.status()).isEqualTo(400);
        assertThat(noCapture.json().get("error_code").asText()).isEqualTo("CDC:ErrCaptureNotExist");
        assertThat(Http.get(base, "/api/v2/processors/proc/bad_capture").status()).isEqualTo(400);
        assertThat(Http.get(base, "/api/v2/processors/missing/" + capture).json().get("error_code").asText())
                .isEqualTo("CDC:ErrChangeFeedNotExists");
        Http.post(base, "/api/v2/changefeeds/proc/pause", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("proc").equals("stopped"));
        assertThat(Http.get(base, "/api/v2/processors/proc/" + capture).json().get("error_code").asText())
                .isEqualTo("CDC:ErrAPIInvalidParam");
    }

    /** Makes ZooKeeper refuse one kind of change to a node, as a real NoAuth error; {@link #unlock} undoes it. */
    static void lock(String path, int refused) throws Exception {
        zk.setACL().withACL(List.of(new ACL(ZooDefs.Perms.ALL & ~refused, ZooDefs.Ids.ANYONE_ID_UNSAFE)))
                .forPath(path);
    }

    static void unlock(String path) throws Exception {
        zk.setACL().withACL(ZooDefs.Ids.OPEN_ACL_UNSAFE).forPath(path);
    }

    static void assertJobError(Http.Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error_code").asText()).isEqualTo(code);
        assertThat(response.json().get("error_msg").asText()).startsWith("[" + code + "]").contains(message);
    }

    @Test
    void pauseAndResumeAnswerAfterTheOwnerAppliedThemWithTheOwnersErrorInV2AndV1() throws Exception {
        assertThat(create("{\"changefeed_id\":\"locked\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "locked");
        String info = KEYS.changefeedInfo(id);
        assertThat(Http.post(base, "/api/v2/changefeeds/locked/pause", null).status()).isEqualTo(200);
        assertThat(state("locked")).as("the answer comes once the owner paused it").isEqualTo("stopped");

        lock(info, ZooDefs.Perms.WRITE);
        try {
            assertThat(Http.post(base, "/api/v2/changefeeds/locked/pause", null).status())
                    .as("a pause of a stopped changefeed changes nothing, so it succeeds").isEqualTo(200);
            assertJobError(Http.post(base, "/api/v2/changefeeds/locked/resume", "{}"), 500, "CDC:ErrMetaStore",
                    "cannot update " + info);
            assertJobError(Http.post(base, "/api/v1/changefeeds/locked/resume", null), 500, "CDC:ErrMetaStore",
                    "cannot update " + info);
            assertThat(state("locked")).isEqualTo("stopped");
        } finally {
            unlock(info);
        }
        assertThat(Http.post(base, "/api/v1/changefeeds/locked/resume", null).status()).isEqualTo(202);
        assertThat(state("locked")).isEqualTo("normal");
        assertThat(Http.post(base, "/api/v2/changefeeds/locked/resume", "{}").status())
                .as("a resume of a normal changefeed changes nothing, so it succeeds").isEqualTo(200);

        lock(info, ZooDefs.Perms.WRITE);
        try {
            assertJobError(Http.post(base, "/api/v2/changefeeds/locked/pause", null), 500, "CDC:ErrMetaStore",
                    "cannot update " + info);
            assertJobError(Http.post(base, "/api/v1/changefeeds/locked/pause", null), 500, "CDC:ErrMetaStore",
                    "cannot update " + info);
            assertThat(state("locked")).isEqualTo("normal");
        } finally {
            unlock(info);
        }
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/locked", null).status()).isEqualTo(200);
    }

    @Test
    void aMoveToAStoppingCaptureIsRefusedByTheOwner() {
        assertThat(create("{\"changefeed_id\":\"stay\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        ChangefeedStore store = new ChangefeedStore(zk, KEYS);
        ChangefeedId id = new ChangefeedId("default", "stay");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.status(id).orElseThrow().value().captureId()
                .equals(Optional.of(server.capture().id())));
        CaptureRegistry registry = new CaptureRegistry(zk, KEYS);
        CaptureInfo leaving = registry.get(server.capture().id()).orElseThrow().withId("leaving-capture")
                .withLiveness(Liveness.STOPPING);
        registry.register(leaving);
        try {
            assertJobError(Http.post(base, "/api/v1/changefeeds/stay/tables/move_table",
                    "{\"capture_id\":\"leaving-capture\",\"table_id\":1}"), 400, "CDC:ErrSchedulerRequestFailed",
                    "the capture is stopping");
            assertThat(store.status(id).orElseThrow().value().captureId()).contains(server.capture().id());
        } finally {
            registry.deregister("leaving-capture");
        }
        assertThat(Http.send("DELETE", base, "/api/v1/changefeeds/stay", null).status()).isEqualTo(202);
    }

    @Test
    void aRemoveTheOwnerCannotApplyAnswersItsErrorInV2AndV1() throws Exception {
        assertThat(create("{\"changefeed_id\":\"sticky\",\"namespace\":\"sticky\",\"sink_uri\":"
                + "\"blackhole://\"}").status()).isEqualTo(200);
        assertThat(Http.post(base, "/api/v1/changefeeds", "{\"changefeed_id\":\"sticky\",\"sink_uri\":"
                + "\"blackhole://\"}").status()).isEqualTo(202);
        String v2Folder = KEYS.changefeedInfos() + "/sticky";
        String v1Folder = KEYS.changefeedInfos() + "/default";
        lock(v2Folder, ZooDefs.Perms.DELETE);
        lock(v1Folder, ZooDefs.Perms.DELETE);
        try {
            assertJobError(Http.send("DELETE", base, "/api/v2/changefeeds/sticky?namespace=sticky", null), 500,
                    "CDC:ErrMetaStore", "cannot remove changefeed sticky/sticky");
            assertJobError(Http.send("DELETE", base, "/api/v1/changefeeds/sticky", null), 500,
                    "CDC:ErrMetaStore", "cannot remove changefeed default/sticky");
        } finally {
            unlock(v2Folder);
            unlock(v1Folder);
        }
        assertThat(Http.get(base, "/api/v2/changefeeds/sticky?namespace=sticky").status()).isEqualTo(200);
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/sticky?namespace=sticky", null).status())
                .isEqualTo(200);
        assertThat(Http.send("DELETE", base, "/api/v1/changefeeds/sticky", null).status()).isEqualTo(202);
        assertThat(Http.get(base, "/api/v2/changefeeds/sticky").status()).as("gone once the answer came")
                .isEqualTo(400);
    }

    @Test
    void v1RoutesAnswer202AndBareShapes() {
        Http.Response created = Http.post(base, "/api/v1/changefeeds", "{\"changefeed_id\":\"old\",\"sink_uri\":"
                + "\"blackhole://\",\"filter_rules\":[\"db.*\"],\"mounter_worker_num\":4,\"sink_config\":"
                + "{\"encoder-concurrency\":8}}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.body()).isEmpty();
        JsonNode v2 = Http.get(base, "/api/v2/changefeeds/old").json();
        assertThat(v2.get("config").get("mounter").get("worker_num").asInt()).isEqualTo(4);
        assertThat(v2.get("config").get("sink").get("encoder_concurrency").asInt()).isEqualTo(8);
        assertThat(Http.post(base, "/api/v1/changefeeds", "{\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(400);

        JsonNode detail = Http.get(base, "/api/v1/changefeeds/old").json();
        assertThat(fieldNames(detail)).containsExactly("upstream_id", "namespace", "id", "sink_uri", "create_time",
                "start_ts", "resolved_ts", "target_ts", "checkpoint_tso", "checkpoint_time", "state", "error",
                "error_history", "creator_version", "task_status");
        assertThat(detail.get("create_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        JsonNode list = Http.get(base, "/api/v1/changefeeds?state=all").json();
        assertThat(list.isArray()).isTrue();

        assertThat(Http.post(base, "/api/v1/changefeeds/old/tables/rebalance_table", null).status()).isEqualTo(202);
        Http.Response move = Http.post(base, "/api/v1/changefeeds/old/tables/move_table",
                "{\"capture_id\":\"0000-1111\",\"table_id\":1}");
        assertThat(move.status()).isEqualTo(400);
        assertThat(move.json().get("error_code").asText()).isEqualTo("CDC:ErrCaptureNotExist");
        assertThat(Http.post(base, "/api/v1/changefeeds/old/tables/move_table", "{\"capture_id\":\""
                + server.capture().id() + "\",\"table_id\":1}").status()).isEqualTo(202);

        Http.Response pause = Http.post(base, "/api/v1/changefeeds/old/pause", null);
        assertThat(pause.status()).isEqualTo(202);
        assertThat(pause.body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> state("old").equals("stopped"));
        Http.Response update = Http.send("PUT", base, "/api/v1/changefeeds/old", "{\"mounter_worker_num\":32}");
        assertThat(update.status()).as(update.body()).isEqualTo(202);
        assertThat(Http.get(base, "/api/v2/changefeeds/old").json().get("config").get("mounter").get("worker_num")
                .asInt()).isEqualTo(32);
        assertThat(Http.get(base, "/api/v2/changefeeds/old").json().get("config").get("filter").get("rules").get(0)
                .asText()).isEqualTo("db.*");
        assertThat(Http.post(base, "/api/v1/changefeeds/old/resume", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("old").equals("normal"));
        Http.Response delete = Http.send("DELETE", base, "/api/v1/changefeeds/old", null);
        assertThat(delete.status()).isEqualTo(202);
        assertThat(delete.body()).isEmpty();
    }
}
