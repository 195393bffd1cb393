package io.cdc4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row changed by an upstream transaction: the column values before and after (in table order; a SQL NULL
 * is a {@code null} value). An insert has no before image, a delete no after image.
 */
public record RowChange(TableName table, long commitTs, RowOperation operation, Map<String, Object> before,
                        Map<String, Object> after) {
    public RowChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        before = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(before, "before")));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(after, "after")));
        if (commitTs <= 0) {
            throw new IllegalArgumentException("commit ts must be positive: " + commitTs);
        }
        if (operation == RowOperation.INSERT && !before.isEmpty()) {
            throw new IllegalArgumentException("an insert has no before image");
        }
        if (operation == RowOperation.DELETE && !after.isEmpty()) {
            throw new IllegalArgumentException("a delete has no after image");
        }
    }
}
