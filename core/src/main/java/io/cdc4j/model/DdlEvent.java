package io.cdc4j.model;

import java.util.Objects;

/** A schema change read from the upstream, replicated in order with the rows. */
public record DdlEvent(long commitTs, String schema, String query) {
    public DdlEvent {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(query, "query");
        if (commitTs <= 0) {
            throw new IllegalArgumentException("commit ts must be positive: " + commitTs);
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("a DDL event needs its query");
        }
    }
}
