package io.cdc4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port that a test can turn into a blackhole: {@link #blackhole()} makes every open
 * flow, and every flow opened until {@link #heal()}, drop its bytes in both directions while its sockets stay
 * open, as a host that vanished or a NAT or firewall that forgot the flow does (no RST, no FIN). Flows opened
 * after {@link #heal()} forward normally; flows cut by the blackhole stay dead, as a forgotten NAT entry does.
 */
public final class BlackholeProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Flow> flows = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean blackholed;

    private BlackholeProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Starts forwarding a fresh loopback port to {@code targetHost:targetPort}. */
    public static BlackholeProxy start(String targetHost, int targetPort) {
        try {
            BlackholeProxy proxy = new BlackholeProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    targetHost, targetPort);
            Thread.ofPlatform().daemon().name("blackhole-proxy-accept").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's port on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many client connections the proxy has accepted. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Drops every byte of the open flows and of flows opened from now on, keeping all sockets open. */
    public void blackhole() {
        blackholed = true;
        flows.forEach(flow -> flow.dead = true);
    }

    /** New flows forward again; the flows the blackhole cut stay dead. */
    public void heal() {
        blackholed = false;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket(targetHost, targetPort);
                Flow flow = new Flow(client, server);
                flow.dead = blackholed;
                flows.add(flow);
                Thread.ofPlatform().daemon().name("blackhole-proxy-up").start(() -> pump(flow, client, server));
                Thread.ofPlatform().daemon().name("blackhole-proxy-down").start(() -> pump(flow, server, client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void pump(Flow flow, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!flow.dead) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            if (!flow.dead) {
                flow.close();
            }
        } catch (IOException e) {
            if (!flow.dead) {
                flow.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            flows.forEach(Flow::close);
        }
    }

    /** One proxied connection: the client's socket and the one to the target. */
    private static final class Flow {
        private final Socket client;
        private final Socket server;
        private volatile boolean dead;

        Flow(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed by the other direction
            }
        }
    }
}
