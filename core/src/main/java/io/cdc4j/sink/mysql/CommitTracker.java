package io.cdc4j.sink.mysql;

import java.time.Duration;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Which commit ts are handed to workers but not yet committed downstream, and how far the sink is therefore durable:
 * up to the last resolved ts, but never at or past the oldest uncommitted transaction.
 */
final class CommitTracker {
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    private long resolved;
    private long durable;

    /** A table transaction of {@code commitTs} is on its way to the downstream. */
    synchronized void opened(long commitTs) {
        open.merge(commitTs, 1, Integer::sum);
    }

    /** A table transaction of {@code commitTs} is committed downstream. */
    synchronized void committed(long commitTs) {
        open.computeIfPresent(commitTs, (ts, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    /** Every transaction with commit ts at or below {@code resolvedTs} has been handed over. */
    synchronized void resolved(long resolvedTs) {
        resolved = Math.max(resolved, resolvedTs);
    }

    /** The ts up to which everything is committed downstream. */
    synchronized long durable() {
        long bound = open.isEmpty() ? resolved : Math.min(resolved, open.firstKey() - 1);
        durable = Math.max(durable, bound);
        return durable;
    }

    /** The number of table transactions not yet committed. */
    synchronized int pending() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Waits until every handed-over transaction is committed.
     *
     * @throws IllegalStateException when {@code abandoned} says the sink has failed or closed meanwhile
     */
    synchronized void awaitAllCommitted(BooleanSupplier abandoned, Duration poll) throws InterruptedException {
        while (!open.isEmpty()) {
            if (abandoned.getAsBoolean()) {
                throw new IllegalStateException("the sink stopped with " + open.size() + " transactions uncommitted");
            }
            wait(poll.toMillis());
        }
    }
}
