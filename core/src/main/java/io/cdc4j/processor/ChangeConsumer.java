package io.cdc4j.processor;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.RowBatch;
import java.util.Set;

/** What a {@link ChangeSource} delivers to: the processor's pipeline. Calls may block while the sink is busy. */
public interface ChangeConsumer {
    /** A part of one transaction's rows; the parts of a transaction come one after another, then its commit. */
    void onRows(RowBatch batch);

    /** The transaction with {@code commitTs} has ended: every part of its rows has been delivered. */
    void onCommit(long commitTs);

    /**
     * The ids of the tables the changefeed replicates as of the events delivered so far: the selected tables at the
     * source's start, then again whenever a DDL changed them. A table whose rows arrive is replicated even when no
     * set named it.
     */
    void onTables(Set<Long> tableIds);

    /** A DDL, after every row with a smaller commit ts. */
    void onDdl(DdlEvent ddl);

    /**
     * Everything with commit ts at or below {@code resolvedTs} has been delivered; {@code state} resumes right after
     * it and is saved with a checkpoint at this ts.
     */
    void onResolved(long resolvedTs, ReaderState state);

    /**
     * The source has a problem it is working around (its upstream connection dropped and it is reconnecting);
     * the changefeed shows a warning until the source delivers again.
     */
    void onWarning(Throwable problem);

    /** The source has failed and delivers nothing more; the owner decides whether to retry. */
    void onError(Throwable failure);
}
