package io.cdc4j.cli;

import ch.qos.logback.classic.Level;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.logging.LogLevels;
import io.cdc4j.logging.LoggingSetup;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.server.ServerConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdc server}: runs one capture until it is told to stop (SIGTERM or SIGINT stop it gracefully). */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Start a capture: it joins (or, without --meta, creates) a cluster and serves the API.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--addr", paramLabel = "HOST:PORT",
            description = "Where the API listens (default " + ServerConfig.DEFAULT_ADDR + ").")
    String addr;

    @Option(names = "--advertise-addr", paramLabel = "HOST:PORT",
            description = "The address other captures and clients use (default: --addr).")
    String advertiseAddr;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Local data, including the embedded ZooKeeper's (default " + ServerConfig.DEFAULT_DATA_DIR + ").")
    Path dataDir;

    @Option(names = "--meta", paramLabel = "zk://H1:P1,H2:P2[/chroot]",
            description = "An external ZooKeeper ensemble; without it an embedded one is started.")
    String meta;

    @Option(names = "--meta-listen", paramLabel = "HOST:PORT",
            description = "Where the embedded ZooKeeper listens when --meta is absent (default "
                    + ServerConfig.DEFAULT_META_LISTEN + ").")
    String metaListen;

    @Option(names = "--cluster-id", description = "The cluster this capture joins (default "
            + ServerConfig.DEFAULT_CLUSTER_ID + ").")
    String clusterId;

    @Option(names = "--upstream", paramLabel = "mysql://USER:PASS@HOST:PORT/",
            description = "The upstream MySQL/MariaDB whose binlog changefeeds read.")
    String upstream;

    @Option(names = "--log-level", description = "debug, info, warn, error (default info).")
    String logLevel;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Write the log here instead of stderr.")
    Path logFile;

    @Option(names = "--capture-session-ttl", paramLabel = "SECONDS",
            description = "How long the cluster waits for a silent capture before it counts it gone (default 10).")
    Integer captureSessionTtl;

    @Option(names = "--config", paramLabel = "FILE", description = "A TOML file with the same settings (flags win).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = resolve();
        Level level = LogLevels.parse(config.logLevel()).orElseThrow(() -> new CdcException(
                ErrorCode.API_INVALID_PARAM, "unknown --log-level '" + config.logLevel() + "'"));
        LoggingSetup.configure(level, config.logFile().orElse(null));

        CdcServer server = CdcServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        GracefulSignals.onTerminate(stop);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stop));
        stopped.await();
        return 0;
    }

    /** Flags win over the config file, which wins over the defaults. */
    ServerConfig resolve() {
        ServerConfigFile file = configFile == null ? ServerConfigFile.empty() : ServerConfigFile.read(configFile);
        String listen = first(addr, file.addr(), ServerConfig.DEFAULT_ADDR);
        String metaUri = first(meta, file.meta(), null);
        String logFilePath = logFile != null ? logFile.toString() : file.logFile();
        Integer ttl = captureSessionTtl != null ? captureSessionTtl : file.captureSessionTtl();
        return new ServerConfig(
                listen,
                first(advertiseAddr, file.advertiseAddr(), listen),
                Path.of(first(dataDir == null ? null : dataDir.toString(), file.dataDir(), ServerConfig.DEFAULT_DATA_DIR)),
                Optional.ofNullable(metaUri).map(MetaEndpoint::parse),
                first(metaListen, file.metaListen(), ServerConfig.DEFAULT_META_LISTEN),
                first(clusterId, file.clusterId(), ServerConfig.DEFAULT_CLUSTER_ID),
                Optional.ofNullable(first(upstream, file.upstream(), null)),
                first(logLevel, file.logLevel(), "info"),
                Optional.ofNullable(logFilePath).map(Path::of),
                ttl == null ? ServerConfig.DEFAULT_SESSION_TTL : Duration.ofSeconds(ttl));
    }

    private static String first(String flag, String fromFile, String fallback) {
        if (flag != null) {
            return flag;
        }
        return fromFile != null ? fromFile : fallback;
    }
}
