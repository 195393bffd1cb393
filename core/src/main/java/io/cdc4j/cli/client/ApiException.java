package io.cdc4j.cli.client;

/**
 * An error answer of the cdc server, carried to the user as the server worded it: the message is the body's
 * {@code error_msg} ({@code [CDC:ErrXxx]message}), or a description of the response when it was not an error body.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    ApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The body's {@code error_code}, e.g. {@code CDC:ErrChangeFeedNotExists}; empty when the server gave none. */
    public String errorCode() {
        return errorCode;
    }
}
