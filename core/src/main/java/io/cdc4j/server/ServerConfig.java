package io.cdc4j.server;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.HostPorts;
import io.cdc4j.meta.MetaEndpoint;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one {@code cdc server} process is started with, after flags, config file and defaults have
 * been merged and checked.
 *
 * @param meta the external ZooKeeper ensemble; absent means start an embedded one on {@code metaListen}
 */
public record ServerConfig(
        String addr,
        String advertiseAddr,
        Path dataDir,
        Optional<MetaEndpoint> meta,
        String metaListen,
        String clusterId,
        Optional<String> upstream,
        String logLevel,
        Optional<Path> logFile,
        Duration captureSessionTtl) {

    public static final String DEFAULT_ADDR = "127.0.0.1:8300";
    public static final String DEFAULT_DATA_DIR = "./cdc-data";
    public static final String DEFAULT_META_LISTEN = "127.0.0.1:2181";
    public static final String DEFAULT_CLUSTER_ID = "default";
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofSeconds(10);

    private static final Pattern CLUSTER_ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
    private static final Set<String> RESERVED_CLUSTER_IDS = Set.of("owner", "capture", "task", "changefeed", "job", "meta");

    public ServerConfig {
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(advertiseAddr, "advertiseAddr");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(metaListen, "metaListen");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(captureSessionTtl, "captureSessionTtl");
        HostPorts.parse(addr, "--addr");
        InetSocketAddress advertised = HostPorts.parse(advertiseAddr, "--advertise-addr");
        if (advertised.getAddress() != null && advertised.getAddress().isAnyLocalAddress()) {
            throw invalid("--advertise-addr must be an address other captures can reach, not " + advertiseAddr
                    + " (pass --advertise-addr when --addr listens on all interfaces)");
        }
        if (advertised.getPort() == 0) {
            throw invalid("--advertise-addr must name a real port, not " + advertiseAddr);
        }
        HostPorts.parse(metaListen, "--meta-listen");
        if (!CLUSTER_ID.matcher(clusterId).matches() || clusterId.length() > 128
                || RESERVED_CLUSTER_IDS.contains(clusterId)) {
            throw invalid("invalid --cluster-id '" + clusterId + "': it must match ^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$,"
                    + " be at most 128 characters and not be one of " + RESERVED_CLUSTER_IDS);
        }
        if (captureSessionTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid("capture-session-ttl must be at least 1 second, got " + captureSessionTtl.toSeconds());
        }
    }

    /** The address clients and other captures use to reach this capture's API. */
    public String advertisedAddress() {
        return advertiseAddr;
    }

    private static CdcException invalid(String message) {
        return new CdcException(ErrorCode.API_INVALID_PARAM, message);
    }
}
