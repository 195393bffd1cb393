package io.cdc4j.bench.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.bench.workload.BenchSchema;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.sink.SinkFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cdc server started in the target's JVM (embedded ZooKeeper on free ports, data under the run's directory,
 * {@code --upstream} the bench upstream), or a cluster of them sharing that ZooKeeper, with one changefeed of the
 * bench schema, created over the HTTP API.
 */
final class ChangefeedServer implements AutoCloseable {
    private static final String CHANGEFEED = "bench";
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration OWNER_TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<CdcServer> servers;
    private final String base;

    private ChangefeedServer(List<CdcServer> servers) {
        this.servers = servers;
        this.base = "http://" + servers.getFirst().config().advertisedAddress();
    }

    /** Starts a server whose changefeeds write through {@code sinks}, and waits until it is the owner. */
    static ChangefeedServer start(TargetSetup setup, SinkFactory sinks) throws Exception {
        return start(setup, sinks, 1);
    }

    /**
     * Starts {@code captures} servers in one cluster (the first with the embedded ZooKeeper, the others joining it),
     * all writing through {@code sinks}, and waits until the first is the owner and every capture is registered.
     */
    static ChangefeedServer start(TargetSetup setup, SinkFactory sinks, int captures) throws Exception {
        String metaListen = "127.0.0.1:" + freePort();
        List<CdcServer> servers = new ArrayList<>();
        servers.add(startCapture(setup, sinks, 0, Optional.empty(), metaListen));
        ChangefeedServer started = new ChangefeedServer(servers);
        try {
            started.await("the cdc server is the owner",
                    () -> started.get("/api/v2/status").path("is_owner").asBoolean());
            for (int i = 1; i < captures; i++) {
                servers.add(startCapture(setup, sinks, i, Optional.of(MetaEndpoint.local(metaListen)), metaListen));
            }
            started.await(captures + " captures are registered",
                    () -> started.get("/api/v2/captures").path("total").asInt() == captures);
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    private static CdcServer startCapture(TargetSetup setup, SinkFactory sinks, int index, Optional<MetaEndpoint> meta,
                                          String metaListen) throws IOException {
        String addr = "127.0.0.1:" + freePort();
        String upstream = "mysql://root@127.0.0.1:" + setup.port() + "/";
        ServerConfig config = new ServerConfig(addr, addr, setup.workDir().resolve(index == 0 ? "cdc-data"
                : "cdc-data-" + index), meta, metaListen, ServerConfig.DEFAULT_CLUSTER_ID, Optional.of(upstream),
                "warn", Optional.empty(), ServerConfig.DEFAULT_SESSION_TTL);
        return CdcServer.start(config, ServerOptions.forUpstream(config.upstream()).withSinks(sinks));
    }

    /** A condition polled until it holds. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    private void await(String what, Condition condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + OWNER_TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen in " + OWNER_TIMEOUT);
            }
            Thread.sleep(POLL);
        }
    }

    /**
     * Creates the changefeed of the bench schema to {@code sinkUri}, starting after {@code startTs}, or (0) at the
     * binlog's end when the call is made; returns the start ts the server chose.
     */
    long createChangefeed(String sinkUri, long startTs, long memoryQuotaBytes) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("changefeed_id", CHANGEFEED).put("sink_uri", sinkUri);
        if (startTs > 0) {
            body.put("start_ts", startTs);
        }
        ObjectNode replica = body.putObject("replica_config").put("memory_quota", memoryQuotaBytes);
        replica.putObject("filter").putArray("rules").add(BenchSchema.DATABASE + ".*");
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/v2/changefeeds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("creating the changefeed failed: " + created.body());
        }
        return json.readTree(created.body()).path("start_ts").asLong();
    }

    /** Waits until the changefeed's checkpoint reaches {@code ts}; fails on timeout or when it fails. */
    void awaitCheckpoint(long ts, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode changefeed = get("/api/v2/changefeeds/" + CHANGEFEED);
            if (changefeed.path("checkpoint_ts").asLong() >= ts) {
                return;
            }
            String state = changefeed.path("state").asText();
            if (state.equals("failed") || System.nanoTime() > deadline) {
                throw new IllegalStateException("the changefeed's checkpoint did not reach " + ts + ": " + changefeed);
            }
            Thread.sleep(POLL);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        servers.reversed().forEach(CdcServer::close);
    }
}
