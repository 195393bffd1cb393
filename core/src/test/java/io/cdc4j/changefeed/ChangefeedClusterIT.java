package io.cdc4j.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.Tso;
import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FedChangeSources;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.ShiftableClock;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several captures on one ZooKeeper: failover from the saved checkpoint, and retry with backoff until failed. */
class ChangefeedClusterIT {
    @TempDir
    Path dir;
    final List<CdcServer> servers = new ArrayList<>();
    TestZooKeeper zk;

    @AfterEach
    void stop() {
        servers.forEach(CdcServer::close);
        if (zk != null) {
            zk.close();
        }
    }

    private String startCluster(int captures, ServerOptions options) {
        zk = new TestZooKeeper(dir.resolve("zk"));
        for (int i = 0; i < captures; i++) {
            servers.add(InProcessServers.joining(dir.resolve("c" + i), zk.hostPort(), options));
        }
        String base = InProcessServers.baseUrl(servers.get(captures - 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
        return base;
    }

    private static String captureOf(String base, String id) {
        var status = Http.get(base, "/api/v2/changefeeds/" + id).json().get("task_status");
        return status == null ? "" : status.get(0).get("capture_id").asText();
    }

    @Test
    void aChangefeedMovesToAnotherCaptureAndContinuesFromItsCheckpoint() {
        FedChangeSources sources = new FedChangeSources();
        String base = startCluster(3, ServerOptions.standard().withSources(sources));
        long start = Tso.fromInstant(Instant.now().minusSeconds(60));
        assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"mover\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + start + "}").status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "mover");
        var first = sources.running(id);
        assertThat(first.startTs()).isEqualTo(start);
        long checkpoint = start + Tso.compose(2_000, 0);
        var state = JsonNodeFactory.instance.objectNode().put("file", "binlog.000007").put("pos", 1234);
        first.consumer().onResolved(checkpoint, new ReaderState(state));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Http.get(base, "/api/v2/changefeeds/mover").json().get("checkpoint_ts").asLong() == checkpoint);
        String runner = captureOf(base, "mover");
        CdcServer victim = servers.stream().filter(s -> s.capture().id().equals(runner)).findFirst().orElseThrow();
        servers.remove(victim);
        victim.close();
        String survivor = InProcessServers.baseUrl(servers.getFirst());

        var second = sources.running(id);
        assertThat(second).isNotSameAs(first);
        assertThat(second.startTs()).isEqualTo(checkpoint);
        assertThat(second.startState().json().get("file").asText()).isEqualTo("binlog.000007");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String now = captureOf(survivor, "mover");
            return !now.isEmpty() && !now.equals(runner);
        });
        long later = checkpoint + Tso.compose(1_000, 0);
        second.consumer().onResolved(later, ReaderState.initial());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Http.get(survivor, "/api/v2/changefeeds/mover").json().get("checkpoint_ts").asLong() == later);
        assertThat(Http.get(survivor, "/api/v2/health").status()).isEqualTo(200);
    }

    @Test
    void aCaptureStartedWithoutAnUpstreamIsGivenNoChangefeedWhileOneThatReadsItSitsIdle() {
        zk = new TestZooKeeper(dir.resolve("zk"));
        CdcServer bare = InProcessServers.joining(dir.resolve("bare"), zk.hostPort(), ServerOptions.standard());
        servers.add(bare);
        FedChangeSources sources = new FedChangeSources();
        CdcServer reading = InProcessServers.joining(dir.resolve("reading"), zk.hostPort(),
                ServerOptions.standard().withSources(sources));
        servers.add(reading);
        String base = InProcessServers.baseUrl(bare);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
        List<String> ids = List.of("feed-1", "feed-2", "feed-3", "feed-4");
        for (String id : ids) {
            assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id
                    + "\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                .allMatch(id -> captureOf(base, id).equals(reading.capture().id())));
        for (String id : ids) {
            assertThat(sources.running(new ChangefeedId("default", id)).isClosed()).isFalse();
            assertThat(Http.get(base, "/api/v2/changefeeds/" + id).json().get("state").asText()).isEqualTo("normal");
        }
        Http.Response refused = Http.post(base, "/api/v1/changefeeds/feed-1/tables/move_table",
                "{\"table_id\":1,\"capture_id\":\"" + bare.capture().id() + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("CDC:ErrSchedulerRequestFailed");
        assertThat(refused.json().get("error_msg").asText()).contains("it reads no upstream");
        assertThat(captureOf(base, "feed-1")).isEqualTo(reading.capture().id());
    }

    @Test
    void changefeedsAreSpreadOverCapturesOnePerCapture() {
        FedChangeSources sources = new FedChangeSources();
        String base = startCluster(2, ServerOptions.standard().withSources(sources));
        for (String id : List.of("spread-a", "spread-b")) {
            assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id
                    + "\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !captureOf(base, "spread-a").isEmpty()
                && !captureOf(base, "spread-b").isEmpty());
        assertThat(captureOf(base, "spread-a")).isNotEqualTo(captureOf(base, "spread-b"));
        // each capture's processor publishes itself on its own next round
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.get(base, "/api/v2/processors").json().get("total").asInt() == 2);
    }

    @Test
    void processorErrorsAreRetriedWithBackoffUntilTheBudgetRunsOut() {
        FedChangeSources sources = new FedChangeSources();
        ShiftableClock clock = new ShiftableClock();
        ServerOptions options = ServerOptions.standard().withSources(sources)
                .withOwner(new OwnerSettings(Duration.ofMillis(50), clock, Duration.ofMillis(20)));
        String base = startCluster(1, options);
        assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"flaky\",\"sink_uri\":\"blackhole://\"}")
                .status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "flaky");
        for (int attempt = 1; attempt <= 3; attempt++) {
            var source = sources.running(id);
            source.consumer().onError(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "connection reset " + attempt));
            int created = attempt;
            await().atMost(Duration.ofSeconds(20)).until(() -> sources.sourcesOf(id).size() > created
                    && !sources.sourcesOf(id).getLast().isClosed());
        }
        var list = Http.get(base, "/api/v2/changefeeds").json().get("items").get(0);
        assertThat(list.get("state").asText()).isEqualTo("warning");
        assertThat(list.get("error").get("code").asText()).isEqualTo("CDC:ErrUpstreamBinlogRead");
        assertThat(list.get("error").get("message").asText()).contains("connection reset 3");

        clock.shift(Duration.ofMinutes(31));
        sources.running(id).consumer().onError(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "still down"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(base, "/api/v2/changefeeds/flaky").json().get("state").asText().equals("failed"));
        var failed = Http.get(base, "/api/v2/changefeeds/flaky").json();
        assertThat(failed.get("error").get("message").asText()).contains("still down");
        assertThat(failed.get("admin_job_type").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sources.sourcesOf(id).getLast().isClosed());
        int runs = sources.sourcesOf(id).size();

        assertThat(Http.post(base, "/api/v2/changefeeds/flaky/resume", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sources.sourcesOf(id).size() > runs);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(base, "/api/v2/changefeeds/flaky").json().get("state").asText().equals("normal"));
        assertThat(Http.get(base, "/api/v2/changefeeds/flaky").json().has("error")).isFalse();
    }

    @Test
    void aFatalErrorFailsAtOnce() {
        FedChangeSources sources = new FedChangeSources();
        String base = startCluster(1, ServerOptions.standard().withSources(sources));
        assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"fatal\",\"sink_uri\":\"blackhole://\"}")
                .status()).isEqualTo(200);
        ChangefeedId id = new ChangefeedId("default", "fatal");
        sources.running(id).consumer().onError(new CdcException(ErrorCode.SNAPSHOT_LOST_BY_GC, "binlog purged"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(base, "/api/v2/changefeeds/fatal").json().get("state").asText().equals("failed"));
        assertThat(sources.sourcesOf(id)).hasSize(1);
    }
}
