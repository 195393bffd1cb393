package io.cdc4j.config;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;

/** Builds validation failures whose message starts with the offending field's v2 JSON path. */
final class ConfigErrors {
    private ConfigErrors() {
    }

    static CdcException invalid(ErrorCode code, String field, String reason) {
        return new CdcException(code, field + ": " + reason);
    }
}
