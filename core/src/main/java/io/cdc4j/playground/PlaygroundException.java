package io.cdc4j.playground;

/** The playground could not start, or one of its parts failed; the message says which part and what to change. */
public final class PlaygroundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlaygroundException(String message) {
        super(message);
    }

    public PlaygroundException(String message, Throwable cause) {
        super(message, cause);
    }
}
