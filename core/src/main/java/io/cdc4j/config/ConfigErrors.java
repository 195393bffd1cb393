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

    /**
     * A setting cdc4j reads from TiCDC's model but does not act on yet, refused because it is set to something other
     * than its default.
     *
     * @param field   the v2 JSON path ({@code filter.event_filters[0].ignore_insert_value_expr})
     * @param tomlKey how a TOML file for {@code cdc cli} writes it ({@code [[filter.event-filters]]
     *                ignore-insert-value-expr})
     * @param effect  what cdc4j would fail to do, and the fix
     */
    static CdcException unsupported(ErrorCode code, String field, String tomlKey, String effect) {
        return new CdcException(code, field + " (TOML " + tomlKey + ") is not supported by cdc4j yet: " + effect);
    }
}
