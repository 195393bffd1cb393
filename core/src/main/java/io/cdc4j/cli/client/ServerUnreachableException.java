package io.cdc4j.cli.client;

/** No answer from the cdc server at all (refused, unknown host, timed out): says which address was tried and why. */
public final class ServerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerUnreachableException(String message) {
        super(message);
    }
}
