package io.cdc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code cdc cli} command run through {@link Main} against one real capture, fed by the test, over HTTP. */
class CliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NL = System.lineSeparator();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;
    static CdcServer server;
    static String base;
    static final FedChangeSources SOURCES = new FedChangeSources();

    @BeforeAll
    static void start() {
        server = InProcessServers.withEmbeddedMeta(dataDir, ServerOptions.standard().withSources(SOURCES));
        base = InProcessServers.baseUrl(server);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun cli(String... args) {
        return cliWithInput("", args);
    }

    private static CliRun cliWithInput(String input, String... args) {
        List<String> all = new ArrayList<>(List.of("cli"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", base));
        return CliRun.withInput(input, all.toArray(String[]::new));
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as("exit code; stdout=%s stderr=%s", run.out(), run.err()).isZero();
        return run;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode serverView(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static String state(String id) {
        return serverView(id).get("state").asText();
    }

    private static void create(String id, String... more) {
        List<String> args = new ArrayList<>(List.of("changefeed", "create", "-c", id, "--sink-uri", "blackhole://"));
        args.addAll(List.of(more));
        ok(cli(args.toArray(String[]::new)));
    }

    private static void pauseAndWait(String id) {
        ok(cli("changefeed", "pause", "-c", id));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("stopped"));
    }

    private static Path toml(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text);
    }

    @Test
    void createReadsTheTomlFileAndQueryShowsWhatTheServerKept() throws IOException {
        Path config = toml("create.toml", """
                case-sensitive = true

                [filter]
                rules = ["db.*", "!db.secret"]

                [[filter.event-filters]]
                matcher = ["db.orders"]
                ignore-event = ["delete"]
                ignore-sql = ["^DROP TABLE"]

                [mounter]
                worker-num = 8

                [[sink.dispatchers]]
                matcher = ["db.*"]
                partition = "table"
                """);
        CliRun run = ok(cli("changefeed", "create", "-c", "cli-toml", "--sink-uri", "blackhole://", "--config",
                config.toString()));
        String[] lines = run.out().split(NL);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("Create changefeed successfully!");
        assertThat(lines[1]).isEqualTo("ID: cli-toml");
        assertThat(lines[2]).startsWith("Info: {");
        JsonNode info = json(lines[2].substring("Info: ".length()));
        assertThat(info.get("id").asText()).isEqualTo("cli-toml");
        assertThat(info.get("state").asText()).isEqualTo("normal");
        assertThat(run.err()).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> serverView("cli-toml").has("task_status"));
        JsonNode query = json(ok(cli("changefeed", "query", "-c", "cli-toml")).out());
        assertThat(fieldNames(query)).containsExactly("upstream_id", "namespace", "id", "sink_uri", "config",
                "create_time", "start_ts", "resolved_ts", "target_ts", "checkpoint_tso", "checkpoint_time", "state",
                "creator_version", "task_status");
        assertThat(query.get("task_status").get(0).get("capture_id").asText()).isEqualTo(server.capture().id());
        JsonNode cfg = query.get("config");
        assertThat(cfg.get("case_sensitive").asBoolean()).isTrue();
        assertThat(cfg.get("filter").get("rules")).containsExactly(json("\"db.*\""), json("\"!db.secret\""));
        JsonNode eventFilter = cfg.get("filter").get("event_filters").get(0);
        assertThat(eventFilter.get("matcher").get(0).asText()).isEqualTo("db.orders");
        assertThat(eventFilter.get("ignore_event").get(0).asText()).isEqualTo("delete");
        assertThat(eventFilter.get("ignore_sql").get(0).asText()).isEqualTo("^DROP TABLE");
        assertThat(cfg.get("mounter").get("worker_num").asInt()).isEqualTo(8);
        JsonNode dispatcher = cfg.get("sink").get("dispatchers").get(0);
        assertThat(dispatcher.get("matcher").get(0).asText()).isEqualTo("db.*");
        assertThat(dispatcher.get("partition").asText()).isEqualTo("table");
        assertThat(cfg).isEqualTo(serverView("cli-toml").get("config"));
        assertThat(query.get("checkpoint_tso").asLong()).isEqualTo(query.get("start_ts").asLong());
        assertThat(query.get("create_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(query.get("sink_uri").asText()).isEqualTo("blackhole://");
        assertThat(run.out()).doesNotContain(" : ");
    }

    @Test
    void aBadTomlFileIsReportedAndNothingIsCreated() throws IOException {
        Path config = toml("bad.toml", "enable-old-value = true\n");
        CliRun run = cli("changefeed", "create", "-c", "cli-bad", "--sink-uri", "blackhole://", "--config",
                config.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: [CDC:ErrInvalidReplicaConfig]").contains("enable-old-value")
                .doesNotContain("\tat ");
        assertThat(Http.get(base, "/api/v2/changefeeds/cli-bad").status()).isEqualTo(400);
    }

    @Test
    void createFromMoreThanADayAgoAsksFirst() {
        long old = Tso.fromInstant(Instant.now().minus(Duration.ofDays(2)));
        CliRun refused = cli("changefeed", "create", "-c", "cli-old", "--sink-uri", "blackhole://", "--start-ts",
                Long.toString(old));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("is larger than 1 days", "Abort changefeed create.");
        assertThat(refused.err())
                .isEqualTo("Error: [CDC:ErrCliAborted]command 'cli changefeed create' is aborted by user" + NL);
        assertThat(Http.get(base, "/api/v2/changefeeds/cli-old").status()).isEqualTo(400);

        ok(cliWithInput("y" + NL, "changefeed", "create", "-c", "cli-old", "--sink-uri", "blackhole://",
                "--start-ts", Long.toString(old)));
        assertThat(serverView("cli-old").get("start_ts").asLong()).isEqualTo(old);
    }

    @Test
    void listSummarisesAndAllAddsFinishedChangefeeds() {
        create("cli-listed");
        long start = Tso.fromInstant(Instant.now().minusSeconds(60));
        long target = start + Tso.compose(10_000, 0);
        create("cli-done", "--start-ts", Long.toString(start), "--target-ts", Long.toString(target));
        SOURCES.running(new ChangefeedId("default", "cli-done")).consumer()
                .onResolved(target + Tso.compose(5_000, 0), ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-done").equals("finished"));

        JsonNode list = json(ok(cli("changefeed", "list")).out());
        assertThat(list.isArray()).isTrue();
        JsonNode listed = elements(list).filter(e -> e.get("id").asText().equals("cli-listed"))
                .findFirst().orElseThrow();
        assertThat(fieldNames(listed)).containsExactly("id", "namespace", "summary");
        assertThat(listed.get("namespace").asText()).isEqualTo("default");
        JsonNode summary = listed.get("summary");
        assertThat(fieldNames(summary)).containsExactly("state", "tso", "checkpoint", "error");
        assertThat(summary.get("state").asText()).isEqualTo("normal");
        assertThat(summary.get("tso").asLong()).isEqualTo(serverView("cli-listed").get("checkpoint_ts").asLong());
        assertThat(summary.get("checkpoint").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(summary.get("error").isNull()).isTrue();
        assertThat(elements(list).map(e -> e.get("id").asText())).doesNotContain("cli-done");

        JsonNode all = json(ok(cli("changefeed", "list", "--all")).out());
        JsonNode done = elements(all).filter(e -> e.get("id").asText().equals("cli-done")).findFirst().orElseThrow();
        assertThat(done.get("summary").get("state").asText()).isEqualTo("finished");
        assertThat(done.get("summary").get("tso").asLong()).isEqualTo(target);
        assertThat(json(ok(cli("changefeed", "list", "-n", "nobody")).out()).size()).isZero();
    }

    @Test
    void querySimpleIsTheChangefeedsListEntry() {
        create("cli-simple");
        JsonNode simple = json(ok(cli("changefeed", "query", "-s", "-c", "cli-simple")).out());
        assertThat(fieldNames(simple)).containsExactly("upstream_id", "namespace", "id", "state", "checkpoint_tso",
                "checkpoint_time", "error");
        assertThat(simple.get("id").asText()).isEqualTo("cli-simple");
        assertThat(simple.get("state").asText()).isEqualTo("normal");
        assertThat(simple.get("error").isNull()).isTrue();
        CliRun missing = cli("changefeed", "query", "--simple", "-c", "cli-nowhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .isEqualTo("Error: [CDC:ErrChangeFeedNotExists]changefeed not exists, cli-nowhere" + NL);
    }

    @Test
    void queryOfAMissingChangefeedPrintsTheServersErrorAndExits1() {
        String serverMessage = Http.get(base, "/api/v2/changefeeds/cli-missing").json().get("error_msg").asText();
        CliRun run = cli("changefeed", "query", "-c", "cli-missing");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(serverMessage).startsWith("[CDC:ErrChangeFeedNotExists]");
        assertThat(run.err()).isEqualTo("Error: " + serverMessage + NL);
        CliRun invalid = cli("changefeed", "pause", "-c", "bad_id");
        assertThat(invalid.err()).isEqualTo("Error: [CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id" + NL);
    }

    @Test
    void pauseAndResumeWithAndWithoutOverwrite() {
        create("cli-cycle");
        ChangefeedId id = new ChangefeedId("default", "cli-cycle");
        SOURCES.running(id);
        CliRun pause = ok(cli("changefeed", "pause", "-c", "cli-cycle"));
        assertThat(pause.out()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-cycle").equals("stopped"));

        long earlier = Tso.fromInstant(Instant.now().minusSeconds(600));
        CliRun refused = cli("changefeed", "resume", "-c", "cli-cycle", "--overwrite-checkpoint-ts",
                Long.toString(earlier));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("You are overwriting the checkpoint of changefeed(cli-cycle) to " + earlier,
                "No answer", "Abort changefeed resume.");
        assertThat(refused.err())
                .isEqualTo("Error: [CDC:ErrCliAborted]command 'cli changefeed resume' is aborted by user" + NL);
        assertThat(state("cli-cycle")).isEqualTo("stopped");
        CliRun declined = cliWithInput("n" + NL, "changefeed", "resume", "-c", "cli-cycle",
                "--overwrite-checkpoint-ts", Long.toString(earlier));
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(state("cli-cycle")).isEqualTo("stopped");

        CliRun resumed = ok(cli("changefeed", "resume", "-c", "cli-cycle", "--overwrite-checkpoint-ts",
                Long.toString(earlier), "--no-confirm"));
        assertThat(resumed.out()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-cycle").equals("normal"));
        assertThat(serverView("cli-cycle").get("start_ts").asLong()).isEqualTo(earlier);
        assertThat(serverView("cli-cycle").get("checkpoint_ts").asLong()).isEqualTo(earlier);
        assertThat(SOURCES.running(id).startTs()).isEqualTo(earlier);

        pauseAndWait("cli-cycle");
        ok(cli("changefeed", "resume", "-c", "cli-cycle"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-cycle").equals("normal"));

        pauseAndWait("cli-cycle");
        ok(cliWithInput("Y" + NL, "changefeed", "resume", "-c", "cli-cycle", "--overwrite-checkpoint-ts", "now"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-cycle").equals("normal"));
        assertThat(Tso.toInstant(serverView("cli-cycle").get("checkpoint_ts").asLong()))
                .isAfter(Instant.now().minusSeconds(60));

        CliRun future = cli("changefeed", "resume", "-c", "cli-cycle", "--overwrite-checkpoint-ts",
                Long.toString(Tso.fromInstant(Instant.now().plusSeconds(3600))), "--no-confirm");
        assertThat(future.exitCode()).isEqualTo(1);
        assertThat(future.err()).startsWith("Error: [CDC:ErrCliCheckpointTsIsInFuture]");
    }

    @Test
    void resumeFromMoreThanADayBehindAsksFirst() {
        create("cli-lag");
        pauseAndWait("cli-lag");
        long old = Tso.fromInstant(Instant.now().minus(Duration.ofDays(2)));
        ok(cli("changefeed", "resume", "-c", "cli-lag", "--overwrite-checkpoint-ts", Long.toString(old),
                "--no-confirm"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-lag").equals("normal"));
        pauseAndWait("cli-lag");
        CliRun refused = cli("changefeed", "resume", "-c", "cli-lag");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("Replicate lag (", "is larger than 1 days");
        assertThat(state("cli-lag")).isEqualTo("stopped");
        ok(cli("changefeed", "resume", "-c", "cli-lag", "--no-confirm"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("cli-lag").equals("normal"));
    }

    @Test
    void aTomlSettingCdc4jDoesNotActOnIsRefusedByItsTomlKey() throws IOException {
        Path config = toml("value-expr.toml", """
                [[filter.event-filters]]
                matcher = ["db.orders"]
                ignore-insert-value-expr = "id >= 100"
                """);

        CliRun refused = cli("changefeed", "create", "-c", "cli-expr", "--sink-uri", "blackhole://", "--config",
                config.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: [CDC:ErrInvalidReplicaConfig]").contains(
                "filter.event_filters[0].ignore_insert_value_expr (TOML [[filter.event-filters]]"
                        + " ignore-insert-value-expr) is not supported by cdc4j yet");
    }

    @Test
    void updateMergesTheTomlFileOverTheCurrentConfigWhileStopped() throws IOException {
        Path initial = toml("initial.toml", """
                case-sensitive = true
                [filter]
                rules = ["db.*"]
                [[filter.event-filters]]
                matcher = ["db.orders"]
                ignore-event = ["delete"]
                """);
        create("cli-upd", "--config", initial.toString());
        Path change = toml("change.toml", """
                [filter]
                rules = ["db2.*"]
                [mounter]
                worker-num = 4
                """);

        CliRun running = cli("changefeed", "update", "-c", "cli-upd", "--config", change.toString(), "--no-confirm");
        assertThat(running.exitCode()).isEqualTo(1);
        assertThat(running.err()).startsWith("Error: [CDC:ErrChangefeedUpdateRefused]");

        pauseAndWait("cli-upd");
        CliRun unconfirmed = cli("changefeed", "update", "-c", "cli-upd", "--config", change.toString());
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.out()).contains("Diff of changefeed config:",
                "update config.filter.rules: [\"db.*\"] -> [\"db2.*\"]", "update config.mounter.worker_num: 16 -> 4",
                "Could you agree to apply changes above to changefeed [Y/N]", "No update to changefeed.");
        assertThat(unconfirmed.err()).startsWith("Error: [CDC:ErrCliAborted]");
        assertThat(serverView("cli-upd").get("config").get("filter").get("rules").get(0).asText()).isEqualTo("db.*");

        long target = Tso.fromInstant(Instant.now().plusSeconds(3600));
        CliRun updated = ok(cli("changefeed", "update", "-c", "cli-upd", "--config", change.toString(),
                "--target-ts", Long.toString(target), "--no-confirm"));
        assertThat(updated.out()).contains("update target_ts: 0 -> " + target, "Update changefeed config successfully!",
                "ID: cli-upd", "Info: {");
        JsonNode after = serverView("cli-upd");
        assertThat(after.get("target_ts").asLong()).isEqualTo(target);
        JsonNode cfg = after.get("config");
        assertThat(cfg.get("filter").get("rules").get(0).asText()).isEqualTo("db2.*");
        assertThat(cfg.get("mounter").get("worker_num").asInt()).isEqualTo(4);
        assertThat(cfg.get("case_sensitive").asBoolean()).as("kept from the old config").isTrue();
        assertThat(cfg.get("filter").get("event_filters").get(0).get("ignore_event").get(0).asText())
                .isEqualTo("delete");
        assertThat(after.get("state").asText()).isEqualTo("stopped");
        assertThat(after.get("sink_uri").asText()).isEqualTo("blackhole://");

        CliRun same = ok(cli("changefeed", "update", "-c", "cli-upd", "--config", change.toString()));
        assertThat(same.out()).isEqualTo("changefeed config is the same with the old one, do nothing" + NL);

        CliRun sink = ok(cli("changefeed", "update", "-c", "cli-upd", "--sink-uri", "blackhole://?x=1",
                "--no-confirm"));
        assertThat(sink.out()).contains("update sink_uri: \"blackhole://\" -> \"blackhole://?x=1\"");
        assertThat(serverView("cli-upd").get("sink_uri").asText()).isEqualTo("blackhole://?x=1");
    }

    @Test
    void removeReportsTheLastCheckpointAndAMissingChangefeedIsNotAnError() {
        create("cli-rm");
        long checkpoint = serverView("cli-rm").get("checkpoint_ts").asLong();
        CliRun removed = ok(cli("changefeed", "remove", "-c", "cli-rm"));
        assertThat(removed.out()).isEqualTo("Changefeed remove successfully." + NL + "ID: cli-rm" + NL
                + "CheckpointTs: " + checkpoint + NL + "SinkURI: blackhole://" + NL);
        assertThat(Http.get(base, "/api/v2/changefeeds/cli-rm").status()).isEqualTo(400);
        CliRun again = ok(cli("changefeed", "remove", "-c", "cli-rm"));
        assertThat(again.out()).isEqualTo("Changefeed not found." + NL + "ID: cli-rm" + NL);
    }

    @Test
    void captureListUsesTiCdcClisKeys() {
        CliRun run = ok(cli("capture", "list"));
        JsonNode captures = json(run.out());
        assertThat(captures.size()).isEqualTo(1);
        JsonNode capture = captures.get(0);
        assertThat(fieldNames(capture)).containsExactly("id", "is-owner", "address", "cluster-id");
        assertThat(capture.get("id").asText()).isEqualTo(server.capture().id());
        assertThat(capture.get("is-owner").asBoolean()).isTrue();
        assertThat(capture.get("address").asText()).isEqualTo(server.config().advertisedAddress());
        assertThat(capture.get("cluster-id").asText()).isEqualTo("default");
        assertThat(run.out()).startsWith("[" + NL + "  {" + NL + "    \"id\": \"");
    }

    @Test
    void processorListAndQuery() {
        create("cli-proc");
        ChangefeedId id = new ChangefeedId("default", "cli-proc");
        SOURCES.running(id);
        String capture = server.capture().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> elements(json(ok(cli("processor", "list")).out()))
                .anyMatch(p -> p.get("changefeed_id").asText().equals("cli-proc")));
        JsonNode processor = elements(json(ok(cli("processor", "list")).out()))
                .filter(p -> p.get("changefeed_id").asText().equals("cli-proc")).findFirst().orElseThrow();
        assertThat(fieldNames(processor)).containsExactly("namespace", "changefeed_id", "capture_id");
        assertThat(processor.get("capture_id").asText()).isEqualTo(capture);

        JsonNode empty = json(ok(cli("processor", "query", "-c", "cli-proc", "-p", capture)).out());
        assertThat(empty).isEqualTo(json("{\"status\":{\"tables\":{},\"operation\":null,\"admin-job-type\":0},"
                + "\"position\":null}"));

        var table = new TableInfo(42, new TableName("db", "t"),
                List.of(new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of())),
                List.of(0), List.of());
        long ts = Tso.fromInstant(Instant.now().plusSeconds(1));
        var consumer = SOURCES.running(id).consumer();
        consumer.onRows(new RowBatch(ts, 0, List.of(new RowChange(RowKind.INSERT, table, ts, Optional.empty(),
                Optional.of(new RowImage(new Object[] {1}))))));
        consumer.onResolved(ts, ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() -> json(ok(cli("processor", "query", "-c", "cli-proc", "-p",
                capture)).out()).get("status").get("tables").has("42"));
        String text = ok(cli("processor", "query", "-c", "cli-proc", "-p", capture)).out();
        assertThat(text).isEqualTo(String.join(NL, "{", "  \"status\": {", "    \"tables\": {", "      \"42\": {",
                "        \"start-ts\": 0", "      }", "    },", "    \"operation\": null,", "    \"admin-job-type\": 0",
                "  },", "  \"position\": null", "}") + NL);

        CliRun noCapture = cli("processor", "query", "-c", "cli-proc", "-p", "0000-1111");
        assertThat(noCapture.exitCode()).isEqualTo(1);
        assertThat(noCapture.err()).startsWith("Error: [CDC:ErrCaptureNotExist]");
    }
}
