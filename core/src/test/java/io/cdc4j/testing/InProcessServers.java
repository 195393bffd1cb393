package io.cdc4j.testing;

import static org.awaitility.Awaitility.await;

import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.sink.SinkFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Starts captures inside the test's JVM, each on free loopback ports. */
public final class InProcessServers {
    private InProcessServers() {
    }

    /** A capture that runs its own embedded ZooKeeper. */
    public static CdcServer withEmbeddedMeta(Path dataDir) {
        return CdcServer.start(config(dataDir, Optional.empty(), FreePorts.loopback()));
    }

    /** A capture with its own embedded ZooKeeper and the given options. */
    public static CdcServer withEmbeddedMeta(Path dataDir, ServerOptions options) {
        return CdcServer.start(config(dataDir, Optional.empty(), FreePorts.loopback()), options);
    }

    /** A capture that joins the ZooKeeper at {@code zkHostPort} with the given options. */
    public static CdcServer joining(Path dataDir, String zkHostPort, ServerOptions options) {
        return CdcServer.start(config(dataDir, Optional.of(MetaEndpoint.local(zkHostPort)), FreePorts.loopback()),
                options);
    }

    /** A capture that joins the ZooKeeper at {@code zkHostPort}. */
    public static CdcServer joining(Path dataDir, String zkHostPort) {
        return CdcServer.start(config(dataDir, Optional.of(MetaEndpoint.local(zkHostPort)), FreePorts.loopback()));
    }

    /**
     * A capture with its own embedded ZooKeeper that reads the upstream at {@code upstreamUri} (its {@code
     * --upstream}), writing to {@code sinks}.
     */
    public static CdcServer readingUpstream(Path dataDir, String upstreamUri, SinkFactory sinks) {
        ServerConfig config = config(dataDir, Optional.empty(), FreePorts.loopback());
        config = new ServerConfig(config.addr(), config.advertiseAddr(), config.dataDir(), config.meta(),
                config.metaListen(), config.clusterId(), Optional.of(upstreamUri), config.logLevel(),
                config.logFile(), config.captureSessionTtl());
        return CdcServer.start(config, ServerOptions.forUpstream(config.upstream()).withSinks(sinks));
    }

    /**
     * A capture with its own embedded ZooKeeper that reads {@code upstreamUri} with the standard sinks and an owner
     * that ticks every 100 ms, once it is the owner (within {@code deadline}).
     */
    public static CdcServer owningUpstream(Path dataDir, String upstreamUri, Duration deadline) {
        ServerConfig plain = config(dataDir, Optional.empty(), FreePorts.loopback());
        ServerConfig config = new ServerConfig(plain.addr(), plain.advertiseAddr(), plain.dataDir(), plain.meta(),
                plain.metaListen(), plain.clusterId(), Optional.of(upstreamUri), plain.logLevel(), plain.logFile(),
                plain.captureSessionTtl());
        CdcServer server = CdcServer.start(config, ServerOptions.forUpstream(config.upstream())
                .withOwner(new OwnerSettings(Duration.ofMillis(100), Clock.systemUTC(), Duration.ofMillis(500))));
        String base = baseUrl(server);
        await("the server is the owner").atMost(deadline)
                .until(() -> Http.get(base, "/api/v2/status").json().path("is_owner").asBoolean());
        return server;
    }

    public static ServerConfig config(Path dataDir, Optional<MetaEndpoint> meta, String metaListen) {
        String addr = FreePorts.loopback();
        return new ServerConfig(addr, addr, dataDir, meta, metaListen, ServerConfig.DEFAULT_CLUSTER_ID,
                Optional.empty(), "info", Optional.empty(), Duration.ofSeconds(3));
    }

    public static String baseUrl(CdcServer server) {
        return "http://" + server.config().advertisedAddress();
    }
}
