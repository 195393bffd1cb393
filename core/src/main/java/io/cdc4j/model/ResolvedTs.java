package io.cdc4j.model;

import java.util.Objects;

/**
 * Every upstream transaction with commit ts up to {@code ts} has been handed on.
 *
 * @param ts the resolved ts
 * @param position where a reader resumes so that every later transaction gets a ts above {@code ts}; it may lie
 *                 before transactions already handed on (a prepared XA transaction holds it back), which a
 *                 reader started there hands on again with the same ts
 */
public record ResolvedTs(long ts, ReaderPosition position) implements ChangeEvent {
    public ResolvedTs {
        Objects.requireNonNull(position, "position");
        if (position.lastTs() > ts) {
            throw new IllegalArgumentException("position's last ts " + position.lastTs() + " is above " + ts);
        }
    }
}
