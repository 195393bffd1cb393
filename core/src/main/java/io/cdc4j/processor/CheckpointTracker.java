package io.cdc4j.processor;

import io.cdc4j.model.ReaderState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Pairs resolved ts with their reader states until the sink has made them durable, and hands out the newest durable
 * one as the checkpoint. Bounded: when full, the newest pending entry is replaced, which only delays the checkpoint.
 */
final class CheckpointTracker {
    /** A checkpoint candidate: a resolved ts and the reader state that resumes after it. */
    record Point(long ts, ReaderState state) {
    }

    private final int capacity;
    private final Deque<Point> pending = new ArrayDeque<>();

    CheckpointTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records a resolved ts; ts must grow. */
    void resolved(long ts, ReaderState state) {
        Point last = pending.peekLast();
        if (last != null && ts <= last.ts()) {
            throw new IllegalArgumentException("resolved ts " + ts + " does not advance past " + last.ts());
        }
        if (pending.size() == capacity) {
            pending.pollLast();
        }
        pending.addLast(new Point(ts, state));
    }

    /** The newest candidate at or below {@code durableTs}, taken out with every older one. */
    Optional<Point> advance(long durableTs) {
        Point newest = null;
        while (!pending.isEmpty() && pending.peekFirst().ts() <= durableTs) {
            newest = pending.pollFirst();
        }
        return Optional.ofNullable(newest);
    }

    int size() {
        return pending.size();
    }
}
