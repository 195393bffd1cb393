package io.cdc4j.error;

import java.util.Objects;

/**
 * An error with a TiCDC error code. Its message is rendered as TiCDC renders its errors:
 * {@code [CDC:ErrXxx]message} followed by {@code : cause} when the error wraps another.
 */
public class CdcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public CdcException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public CdcException(ErrorCode errorCode, String message, Throwable cause) {
        super(render(errorCode, message, cause), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** An error with the code's default message. */
    public static CdcException of(ErrorCode errorCode) {
        return new CdcException(errorCode, errorCode.defaultMessage());
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    private static String render(ErrorCode code, String message, Throwable cause) {
        StringBuilder text = new StringBuilder();
        if (!code.code().isEmpty()) {
            text.append('[').append(code.code()).append(']');
        }
        text.append(message == null || message.isEmpty() ? code.defaultMessage() : message);
        if (cause != null) {
            String causeText = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            text.append(": ").append(causeText);
        }
        return text.toString();
    }
}
