package io.cdc4j.sink.mysql;

import io.cdc4j.sink.Completion;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of a transaction folded together into table transactions: their completions are called once the last of
 * those table transactions is committed downstream, or failed when the sink fails first.
 */
final class SealedGroup {
    private final List<Completion> parts;
    private final AtomicInteger uncommitted;

    SealedGroup(List<Completion> parts, int tableTransactions) {
        this.parts = List.copyOf(parts);
        this.uncommitted = new AtomicInteger(tableTransactions);
    }

    /** Whether nothing of it is left to commit (it folded to no change at all, or every part committed). */
    boolean isComplete() {
        return uncommitted.get() <= 0;
    }

    /** One of its table transactions is committed; returns true when that was the last one. */
    boolean committed() {
        return uncommitted.decrementAndGet() == 0;
    }

    /** Tells every part it is durable. */
    void complete() {
        parts.forEach(Completion::done);
    }

    /** Tells every part it cannot be made durable. */
    void fail(Throwable cause) {
        parts.forEach(part -> part.failed(cause));
    }
}
