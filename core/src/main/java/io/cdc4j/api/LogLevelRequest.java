package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /api/v2/log}: a zap level name. */
public record LogLevelRequest(@JsonProperty("log_level") String logLevel) {
}
