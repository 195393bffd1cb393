package io.cdc4j.playground;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code cdc playground} starts and where: every port, the number of captures, and the data directory
 * to keep (absent means a temporary one, removed at exit).
 *
 * @param apiPort the first capture's API port; capture {@code i} (from 0) listens on {@code apiPort + i}
 * @param kafkaPort the Kafka broker's port when one is started ({@code --kafka}); its controller listens on the next
 */
public record PlaygroundConfig(String host, int upstreamPort, int downstreamPort, int metaPort, int apiPort,
                               int captures, Optional<Path> dataDir, Optional<Integer> kafkaPort) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_UPSTREAM_PORT = 4000;
    public static final int DEFAULT_DOWNSTREAM_PORT = 3307;
    public static final int DEFAULT_META_PORT = 2181;
    public static final int DEFAULT_API_PORT = 8300;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int MAX_CAPTURES = 16;

    public PlaygroundConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(kafkaPort, "kafkaPort");
        if (host.isBlank()) {
            throw new PlaygroundException("--host must name an address, e.g. " + DEFAULT_HOST);
        }
        if (captures < 1 || captures > MAX_CAPTURES) {
            throw new PlaygroundException("--captures must be from 1 to " + MAX_CAPTURES + ", got " + captures);
        }
    }

    /** Without a Kafka broker. */
    public PlaygroundConfig(String host, int upstreamPort, int downstreamPort, int metaPort, int apiPort, int captures,
                            Optional<Path> dataDir) {
        this(host, upstreamPort, downstreamPort, metaPort, apiPort, captures, dataDir, Optional.empty());
    }

    /** The defaults: one capture, TiDB's and TiCDC's usual ports, a temporary data dir. */
    public static PlaygroundConfig defaults() {
        return new PlaygroundConfig(DEFAULT_HOST, DEFAULT_UPSTREAM_PORT, DEFAULT_DOWNSTREAM_PORT, DEFAULT_META_PORT,
                DEFAULT_API_PORT, 1, Optional.empty());
    }

    /** The API port of capture {@code index} (from 0). */
    public int apiPort(int index) {
        return apiPort + index;
    }

    /** Every port the playground will listen on, with the flag that sets it. */
    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        claims.add(new PortClaim("--upstream-port", upstreamPort, "the upstream MariaDB"));
        claims.add(new PortClaim("--downstream-port", downstreamPort, "the downstream MariaDB"));
        claims.add(new PortClaim("--meta-port", metaPort, "the embedded ZooKeeper"));
        for (int i = 0; i < captures; i++) {
            claims.add(new PortClaim("--api-port", apiPort(i),
                    i == 0 ? "capture 1's API" : "capture " + (i + 1) + "'s API (--api-port + " + i + ")"));
        }
        kafkaPort.ifPresent(port -> {
            claims.add(new PortClaim("--kafka-port", port, "the Kafka broker"));
            claims.add(new PortClaim("--kafka-port", port + 1, "the Kafka controller (--kafka-port + 1)"));
        });
        return List.copyOf(claims);
    }
}
