package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.net.InetSocketAddress;

/** Parses the {@code HOST:PORT} values of command-line flags into socket addresses. */
public final class HostPorts {
    private HostPorts() {
    }

    /** Parses {@code host:port} (host may be empty for all interfaces); {@code flag} names the source in errors. */
    public static InetSocketAddress parse(String hostPort, String flag) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM,
                    flag + " must be HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM,
                    flag + " has a port that is not a number: '" + hostPort + "'");
        }
        if (port < 0 || port > 65535) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, flag + " has a port out of range: '" + hostPort + "'");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
