package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node ZooKeeper server inside the capture's process, so that one {@code cdc server}
 * command runs a whole cluster of one with nothing else installed.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    /** Short ticks let sessions as short as one second be negotiated (the minimum is two ticks). */
    private static final int TICK_MILLIS = 500;
    private static final int MAX_SESSION_MILLIS = 120_000;
    private static final int MAX_CLIENT_CONNECTIONS = 1000;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;
    private final String hostPort;

    private EmbeddedZooKeeper(ZooKeeperServer server, ServerCnxnFactory connections, String hostPort) {
        this.server = server;
        this.connections = connections;
        this.hostPort = hostPort;
    }

    /**
     * Starts a server listening on {@code host:port} with its snapshots and logs under {@code dataDir}.
     *
     * @throws CdcException when the port is taken (another capture probably runs one there already)
     */
    public static EmbeddedZooKeeper start(String listen, Path dataDir) {
        InetSocketAddress address = HostPorts.parse(listen, "--meta-listen");
        ZooKeeperServer server = null;
        ServerCnxnFactory connections = null;
        try {
            Path snapshots = Files.createDirectories(dataDir.resolve("version-2-snap"));
            Path logs = Files.createDirectories(dataDir.resolve("version-2-log"));
            server = new ZooKeeperServer(snapshots.toFile(), logs.toFile(), TICK_MILLIS);
            server.setMaxSessionTimeout(MAX_SESSION_MILLIS);
            connections = ServerCnxnFactory.createFactory(address, MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
        } catch (BindException e) {
            shutdownQuietly(server, connections);
            throw new CdcException(ErrorCode.META_STORE, "cannot start the embedded ZooKeeper on " + listen
                    + ": the address is already in use. If another capture runs there, join its cluster with"
                    + " --meta zk://" + listen + " (or choose another --meta-listen)", e);
        } catch (IOException e) {
            shutdownQuietly(server, connections);
            throw new CdcException(ErrorCode.META_STORE, "cannot start the embedded ZooKeeper on " + listen, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownQuietly(server, connections);
            throw new CdcException(ErrorCode.META_STORE, "interrupted while starting the embedded ZooKeeper", e);
        }
        String hostPort = address.getHostString() + ":" + connections.getLocalPort();
        LOG.info("embedded ZooKeeper started on {} with data in {}", hostPort, dataDir);
        return new EmbeddedZooKeeper(server, connections, hostPort);
    }

    /** The {@code host:port} clients connect to (the real port when 0 was asked for). */
    public String hostPort() {
        return hostPort;
    }

    @Override
    public void close() {
        shutdownQuietly(server, connections);
        LOG.info("embedded ZooKeeper on {} stopped", hostPort);
    }

    private static void shutdownQuietly(ZooKeeperServer server, ServerCnxnFactory connections) {
        if (connections != null) {
            connections.shutdown();
        }
        if (server != null && server.isRunning()) {
            server.shutdown(true);
        }
    }
}
