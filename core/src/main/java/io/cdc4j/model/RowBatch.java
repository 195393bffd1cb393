package io.cdc4j.model;

import java.util.List;

/**
 * A part of one transaction's rows; a large transaction arrives as several parts with the same commit ts
 * and sequence number, followed by its {@link TransactionCommit}.
 *
 * @param commitTs the transaction's commit ts
 * @param part the 0-based index of this part within the transaction
 * @param rows the rows, in binlog order
 */
public record RowBatch(long commitTs, int part, List<RowChange> rows) implements ChangeEvent {
    public RowBatch {
        rows = List.copyOf(rows);
        if (part < 0) {
            throw new IllegalArgumentException("negative part index: " + part);
        }
        for (RowChange row : rows) {
            if (row.commitTs() != commitTs) {
                throw new IllegalArgumentException("row with commit ts " + row.commitTs() + " in batch of " + commitTs);
            }
        }
    }

    @Override
    public long ts() {
        return commitTs;
    }
}
