package io.cdc4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A ZooKeeper server started by a test on its own, standing in for an external ensemble. */
public final class TestZooKeeper implements AutoCloseable {
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    public TestZooKeeper(Path dataDir) {
        this(dataDir, 0);
    }

    /** A server on a given port (0: any free one); a new one on the same port and dir resumes the old data. */
    public TestZooKeeper(Path dataDir, int port) {
        try {
            server = new ZooKeeperServer(dataDir.resolve("snap").toFile(), dataDir.resolve("log").toFile(), 500);
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", port), 100);
            connections.startup(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return connections.getLocalPort();
    }

    public String hostPort() {
        return "127.0.0.1:" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown(true);
    }
}
