package io.cdc4j.model;

import java.util.List;
import java.util.Objects;

/** The rows of one upstream transaction, all with its commit ts, in binlog order. */
public record RowBatch(long commitTs, List<RowChange> rows) {
    public RowBatch {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a row batch holds at least one row");
        }
        for (RowChange row : rows) {
            if (row.commitTs() != commitTs) {
                throw new IllegalArgumentException("row of " + row.table() + " has commit ts " + row.commitTs()
                        + ", not the batch's " + commitTs);
            }
        }
    }
}
