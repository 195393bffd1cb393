package io.cdc4j.playground;

import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole replication setup on one machine, in one JVM: an upstream MariaDB with the binlog on, a downstream
 * MariaDB, optionally a Kafka broker, and one or more captures (the first with the embedded ZooKeeper). Started in
 * that order and stopped in the reverse one; what {@code tiup playground} is to TiDB users.
 */
public final class Playground implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Playground.class);
    private static final int UPSTREAM_SERVER_ID = 1;
    private static final Duration OWNER_DEADLINE = Duration.ofSeconds(60);
    private static final Duration OWNER_POLL = Duration.ofMillis(50);

    private final PlaygroundConfig config;
    private final PlaygroundDirectory directory;
    private final Consumer<String> progress;
    private final Deque<Started> started = new ArrayDeque<>();
    private boolean closed;

    private Playground(PlaygroundConfig config, PlaygroundDirectory directory, Consumer<String> progress) {
        this.config = config;
        this.directory = directory;
        this.progress = progress;
    }

    /**
     * Checks that every port is free and prepares the data directory; nothing is started yet.
     *
     * @param progress receives one line per step, for the console
     */
    public static Playground prepare(PlaygroundConfig config, Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        PortCheck.requireFree(config.host(), config.portClaims());
        PlaygroundDirectory directory = config.dataDir()
                .map(PlaygroundDirectory::kept)
                .orElseGet(PlaygroundDirectory::temporary);
        return new Playground(config, directory, progress);
    }

    public PlaygroundDirectory directory() {
        return directory;
    }

    /**
     * Starts every part in order and returns where they answer. On failure, or when {@link #close()} is called
     * meanwhile, whatever was started is stopped again and the error is thrown.
     */
    public PlaygroundEndpoints start() {
        try {
            EmbeddedMariaDb upstream = step("upstream MariaDB on " + config.upstreamPort(),
                    "starting upstream MariaDB on " + config.upstreamPort() + " (the first start unpacks MariaDB)...",
                    "--upstream-port",
                    () -> EmbeddedMariaDb.start(new MariaDbSettings("upstream", config.host(), config.upstreamPort(),
                            directory.path().resolve("upstream"), Optional.of(new CdcBinlog(UPSTREAM_SERVER_ID)))));
            EmbeddedMariaDb downstream = step("downstream MariaDB on " + config.downstreamPort(),
                    "starting downstream MariaDB on " + config.downstreamPort() + "...",
                    "--downstream-port",
                    () -> EmbeddedMariaDb.start(new MariaDbSettings("downstream", config.host(),
                            config.downstreamPort(), directory.path().resolve("downstream"), Optional.empty())));
            Optional<String> kafka = config.kafkaPort().map(port -> step("Kafka broker on " + port,
                    "starting a Kafka broker on " + port + " (KRaft, one node, its controller on " + (port + 1)
                            + ")...", "--kafka-port",
                    () -> EmbeddedKafka.start(config.host(), port, port + 1, directory.path().resolve("kafka")))
                    .bootstrap());
            String zookeeper = config.host() + ":" + config.metaPort();
            List<String> captures = new ArrayList<>();
            List<CdcServer> servers = new ArrayList<>();
            for (int i = 0; i < config.captures(); i++) {
                ServerConfig capture = captureConfig(i, upstream.mysqlUri());
                String line = i == 0
                        ? "starting capture 1 on " + config.apiPort(i) + " with the embedded ZooKeeper on "
                                + config.metaPort() + "..."
                        : "starting capture " + (i + 1) + " on " + config.apiPort(i) + "...";
                servers.add(step("capture " + (i + 1) + " on " + config.apiPort(i), line,
                        i == 0 ? "--api-port or --meta-port" : "--api-port", () -> CdcServer.start(capture)));
                captures.add("http://" + capture.advertisedAddress());
            }
            awaitOwner(servers);
            return new PlaygroundEndpoints(upstream.mysqlUri(), downstream.mysqlUri(), captures, zookeeper, kafka);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Waits until a capture leads the cluster, so that the playground is ready to take changefeeds when it says so. */
    private void awaitOwner(List<CdcServer> servers) {
        long deadline = System.nanoTime() + OWNER_DEADLINE.toNanos();
        while (servers.stream().noneMatch(server -> server.capture().isOwner())) {
            if (System.nanoTime() > deadline) {
                throw new PlaygroundException("no capture became the owner within " + OWNER_DEADLINE.toSeconds()
                        + " s; see the log in " + directory.path());
            }
            try {
                Thread.sleep(OWNER_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlaygroundException("interrupted while waiting for an owner to be elected");
            }
        }
    }

    /**
     * Stops the captures (gracefully, the last started first), then the Kafka broker and the databases, then
     * releases the data dir.
     */
    @Override
    public void close() {
        List<Started> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        for (Started part : toStop) {
            try {
                part.resource().close();
                progress.accept("stopped " + part.name());
            } catch (Exception e) {
                progress.accept("stopping " + part.name() + " failed: " + e.getMessage());
                LOG.warn("stopping {} failed", part.name(), e);
            }
        }
        try {
            progress.accept(directory.release());
        } catch (RuntimeException e) {
            progress.accept("could not release the data dir: " + e.getMessage());
        }
    }

    private ServerConfig captureConfig(int index, String upstreamUri) {
        String addr = config.host() + ":" + config.apiPort(index);
        String metaListen = config.host() + ":" + config.metaPort();
        Optional<MetaEndpoint> meta = index == 0 ? Optional.empty() : Optional.of(MetaEndpoint.local(metaListen));
        return new ServerConfig(addr, addr, directory.path().resolve("capture-" + config.apiPort(index)), meta,
                metaListen, ServerConfig.DEFAULT_CLUSTER_ID, Optional.of(upstreamUri), "info", Optional.empty(),
                ServerConfig.DEFAULT_SESSION_TTL);
    }

    /**
     * Runs one start step and records what it started, so that {@link #close()} stops it; a failure names the
     * flag to change, since a port taken since the check is the likely cause.
     */
    private <T extends AutoCloseable> T step(String name, String line, String flag, Supplier<T> starter) {
        synchronized (this) {
            if (closed) {
                throw new PlaygroundException("the playground was stopped while starting");
            }
        }
        progress.accept(line);
        T part;
        try {
            part = starter.get();
        } catch (RuntimeException e) {
            throw new PlaygroundException("could not start the " + name + " (if its port is taken, change "
                    + flag + "): " + e.getMessage(), e);
        }
        synchronized (this) {
            if (!closed) {
                started.push(new Started(name, part));
                return part;
            }
        }
        closeQuietly(part);
        throw new PlaygroundException("the playground was stopped while starting");
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("stopping a part started during shutdown failed: {}", e.toString());
        }
    }

    /** A part that is running, with the name the console shows for it. */
    private record Started(String name, AutoCloseable resource) {
    }
}
