package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of every API error, as TiCDC writes it. */
public record ErrorResponse(@JsonProperty("error_msg") String errorMsg, @JsonProperty("error_code") String errorCode) {
}
