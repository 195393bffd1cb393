package io.cdc4j.model;

import java.util.Objects;

/**
 * The end of one upstream transaction (row changes or a DDL): everything with its commit ts has been handed on.
 *
 * @param commitTs the transaction's commit ts
 * @param position where a reader resumes to read the transactions after this one; it may lie before this one (a
 *                 prepared XA transaction or the rest of this one's binlog group holds it back): a reader started
 *                 there hands the transactions up to this one on again with the same ts
 */
public record TransactionCommit(long commitTs, ReaderPosition position) implements ChangeEvent {
    public TransactionCommit {
        Objects.requireNonNull(position, "position");
        if (position.lastTs() > commitTs) {
            throw new IllegalArgumentException("position's last ts " + position.lastTs() + " is above " + commitTs);
        }
    }

    @Override
    public long ts() {
        return commitTs;
    }
}
