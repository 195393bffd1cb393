package io.cdc4j.playground;

/**
 * One port the playground will listen on, with the flag that chooses it, so that a conflict can name the flag
 * to change.
 *
 * @param what what listens there ("the upstream MariaDB", "capture 2's API")
 */
public record PortClaim(String flag, int port, String what) {
    public PortClaim {
        if (port < 1 || port > 65535) {
            throw new PlaygroundException(flag + " must be a port from 1 to 65535; " + what + " would get " + port);
        }
    }
}
