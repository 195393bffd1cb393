package io.cdc4j.upstream;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.TransactionCommit;

/**
 * Receives what a {@link BinlogReader} reads, in binlog order, on one thread: a transaction's row batches
 * (or its DDL) then its commit; resolved ts while the upstream is idle. A call that blocks holds the reader back.
 */
public interface ChangeEventSink {
    /** A part of a transaction's rows. */
    void onRows(RowBatch batch);

    /** A DDL statement (its own transaction; a commit follows). */
    void onDdl(DdlEvent ddl);

    /** The end of a transaction; its position is where to resume after it. */
    void onCommit(TransactionCommit commit);

    /** Every transaction with commit ts up to the resolved ts has been handed on. */
    void onResolved(ResolvedTs resolved);
}
