package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/** An error or warning recorded against a changefeed: when, on which capture, its TiCDC code and message. */
public record RunningError(@JsonProperty("time") Instant time, @JsonProperty("addr") String addr,
                           @JsonProperty("code") String code, @JsonProperty("message") String message) {
    public RunningError {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Records a failure; one without a TiCDC code is recorded as {@code CDC:ErrOwnerUnknown}, as TiCDC does. */
    public static RunningError of(Throwable failure, String addr, Instant time) {
        if (failure instanceof CdcException cdc && !cdc.errorCode().code().isEmpty()) {
            return new RunningError(time, addr, cdc.errorCode().code(), String.valueOf(cdc.getMessage()));
        }
        return new RunningError(time, addr, ErrorCode.OWNER_UNKNOWN.code(), String.valueOf(failure));
    }
}
