package io.cdc4j.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports for a playground, all distinct (asking for free ports one at a time may hand out the same
 * port twice), the last two consecutive for the captures' API ports.
 */
final class TestPorts {
    private TestPorts() {
    }

    /** {@code count} distinct free ports; the last one is followed by another free port (for capture 2's API). */
    static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count - 1; i++) {
                ServerSocket socket = hold(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            ports[count - 1] = consecutivePair(held);
            return ports;
        } finally {
            held.forEach(TestPorts::closeQuietly);
        }
    }

    private static int consecutivePair(List<ServerSocket> held) {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket first = hold(0);
            held.add(first);
            int port = first.getLocalPort();
            if (port < 65535) {
                try {
                    held.add(new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress()));
                    return port;
                } catch (IOException e) {
                    // port + 1 is taken: try another
                }
            }
        }
        throw new IllegalStateException("found no two consecutive free ports");
    }

    private static ServerSocket hold(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
