package io.cdc4j.playground;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that the playground's ports are distinct and free on its host. */
final class PortCheck {
    private PortCheck() {
    }

    /** @throws PlaygroundException naming the flag to change for the first port that is shared or taken */
    static void requireFree(String host, List<PortClaim> claims) {
        Map<Integer, PortClaim> byPort = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim earlier = byPort.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                throw new PlaygroundException("port " + claim.port() + " is given to both " + earlier.what() + " ("
                        + earlier.flag() + ") and " + claim.what() + " (" + claim.flag() + "): change " + claim.flag());
            }
        }
        InetAddress address = resolve(host);
        for (PortClaim claim : claims) {
            if (!free(address, claim.port())) {
                throw new PlaygroundException("port " + claim.port() + " on " + host + " is already in use, so "
                        + claim.what() + " cannot listen there: stop what runs there or choose another port with "
                        + claim.flag());
            }
        }
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new PlaygroundException("--host " + host + " is not an address of this machine", e);
        }
    }
}
