package io.cdc4j.model;

import java.util.Objects;

/**
 * Every upstream transaction with commit ts up to {@code ts} has been handed on.
 *
 * @param ts the resolved ts
 * @param position where a reader resumes so that every later transaction gets a ts above {@code ts}
 */
public record ResolvedTs(long ts, ReaderPosition position) implements ChangeEvent {
    public ResolvedTs {
        Objects.requireNonNull(position, "position");
        if (position.lastTs() != ts) {
            throw new IllegalArgumentException("position's last ts " + position.lastTs() + " is not " + ts);
        }
    }
}
