package io.cdc4j.sink;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;

/**
 * Where one changefeed's changes go. Rows and DDL arrive in commit-ts order; {@link #flush} asks for everything
 * up to a resolved ts to be made durable, and {@link #durableTs} says how far that has happened, so the
 * checkpoint never moves past what the downstream really holds. Writes, flushes and close come from one thread at a
 * time; {@link #durableTs} may be called from any thread, also while a write is in progress, and must not wait for it.
 */
public interface Sink extends AutoCloseable {
    /** Writes one transaction's rows. */
    void writeRows(RowBatch batch);

    /** Writes a DDL, after every row with a smaller commit ts. */
    void writeDdl(DdlEvent ddl);

    /** Asks that everything written with commit ts at or below {@code resolvedTs} become durable. */
    void flush(long resolvedTs);

    /** The largest ts such that everything with a commit ts at or below it is durable downstream; 0 before any. */
    long durableTs();

    @Override
    void close();
}
