package io.cdc4j.sink;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;

/**
 * Where one changefeed's changes go, asynchronously: rows and DDL are handed over with a {@link Completion} that the
 * sink calls once they are durable downstream (or failed), and a {@link ProgressTracker} turns those completions into
 * the checkpoint, the same way for every kind of sink.
 *
 * <p>The pipeline calls it from one thread at a time, in commit-ts order: the parts of a transaction with
 * {@link #writeRows}, then {@link #endTransaction}; {@link #flush} when everything up to a resolved ts has been handed
 * over. A DDL is a barrier the pipeline keeps: {@link #writeDdl} comes only once every earlier completion has been
 * called, and nothing more is handed over until its own completion has been. A call may block while the sink's
 * buffers are full (that is its back-pressure), but never for a downstream write to finish; completions may be
 * called from any thread, each exactly once.
 */
public interface Sink extends AutoCloseable {
    /** Hands over one part of a transaction's rows; {@code done} is called once they are all durable downstream. */
    void writeRows(RowBatch part, Completion done);

    /** Every part of the transaction with {@code commitTs} has been handed over. */
    void endTransaction(long commitTs);

    /** Runs a DDL, after every earlier write is durable; {@code done} is called once it has been applied. */
    void writeDdl(DdlEvent ddl, Completion done);

    /** Everything with commit ts at or below {@code resolvedTs} has been handed over: send what is still buffered. */
    void flush(long resolvedTs);

    @Override
    void close();
}
