package io.cdc4j.processor;

import io.cdc4j.model.ReaderState;

/**
 * Where a changefeed's changes come from: the upstream binlog reader behind a small seam. A source starts right after
 * a checkpoint (with the reader state saved with it) and delivers, in commit-ts order, row batches, DDL and resolved
 * ts to its consumer, one call at a time. Each resolved ts carries the reader state to save with a checkpoint at it.
 */
public interface ChangeSource extends AutoCloseable {
    /**
     * Starts delivering everything with commit ts above {@code checkpointTs}; returns at once.
     *
     * @param state the reader state saved with {@code checkpointTs}; {@link ReaderState#isInitial() initial} for a
     *              new changefeed (then {@code checkpointTs} is its start ts)
     */
    void start(long checkpointTs, ReaderState state, ChangeConsumer consumer);

    /**
     * Saves what a source resumed from {@code state} needs besides the state itself (the table schemas it names),
     * before a checkpoint with that state is published; called by the thread that publishes, never concurrently.
     *
     * @throws io.cdc4j.error.CdcException when it cannot be saved: the checkpoint then stays where it was
     */
    default void persist(ReaderState state) {
    }

    /** Stops delivering; no consumer call starts after it returns. */
    @Override
    void close();
}
