package io.cdc4j.sink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Turns a sink's completions into the checkpoint, the same way for every kind of sink: it keeps, in the order they
 * were handed over, each write not yet completed and each resolved ts seen between them, and the checkpoint is the
 * newest resolved ts before which every write has completed. Completions may come in any order and from any thread;
 * one that fails holds the checkpoint where it is for good and reports its cause once.
 *
 * <p>Bounded by what the sink holds: an entry is kept only while a write before it is not complete, and two resolved
 * ts with no write between them are kept as the newer one.
 *
 * @param <S> what is saved with a checkpoint (the reader state that resumes after it)
 */
public final class ProgressTracker<S> {
    /** A point every change at or below {@code ts} is durable at, with what resumes after it. */
    public record Checkpoint<S>(long ts, S state) {
    }

    private final Consumer<Throwable> onFailure;
    private final ArrayDeque<Object> entries = new ArrayDeque<>();
    private Checkpoint<S> checkpoint;
    private long resolvedTs;
    private int inFlight;
    private Throwable failure;

    /**
     * A tracker starting at {@code start}.
     *
     * @param onFailure told, once, the cause of the first write that failed
     */
    public ProgressTracker(Checkpoint<S> start, Consumer<Throwable> onFailure) {
        this.checkpoint = Objects.requireNonNull(start, "start");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.resolvedTs = start.ts();
    }

    /**
     * A write of a change with {@code commitTs} is handed over; the sink calls the returned completion.
     *
     * @throws IllegalStateException when {@code commitTs} is not above the last resolved ts: a checkpoint could pass it
     */
    public synchronized Completion add(long commitTs) {
        if (commitTs <= resolvedTs) {
            throw new IllegalStateException("a change with commit ts " + commitTs + " arrived after resolved ts "
                    + resolvedTs + ": the source broke its order");
        }
        Write write = new Write();
        entries.addLast(write);
        inFlight++;
        return write;
    }

    /** Everything with commit ts at or below {@code ts} has been handed over; an old or repeated ts is ignored. */
    public synchronized void resolved(long ts, S state) {
        if (ts <= resolvedTs) {
            return;
        }
        resolvedTs = ts;
        Checkpoint<S> point = new Checkpoint<>(ts, state);
        if (entries.isEmpty()) {
            checkpoint = point;
        } else if (entries.peekLast() instanceof Checkpoint<?>) {
            entries.pollLast();
            entries.addLast(point);
        } else {
            entries.addLast(point);
        }
    }

    /** The newest point every earlier write is durable at. */
    public synchronized Checkpoint<S> checkpoint() {
        return checkpoint;
    }

    /** Writes handed over and not completed. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Entries kept: writes waiting and resolved ts behind them. */
    synchronized int size() {
        return entries.size();
    }

    /**
     * Waits until every write handed over so far has completed.
     *
     * @return false when a write failed, or {@code abandoned} said to stop waiting
     */
    public synchronized boolean awaitIdle(BooleanSupplier abandoned, Duration poll) throws InterruptedException {
        while (inFlight > 0) {
            if (failure != null || abandoned.getAsBoolean()) {
                return false;
            }
            wait(poll.toMillis());
        }
        return failure == null;
    }

    @SuppressWarnings("unchecked")
    private void advance() {
        while (!entries.isEmpty()) {
            Object head = entries.peekFirst();
            if (head instanceof ProgressTracker<?>.Write write && write.completed && write.cause == null) {
                entries.pollFirst();
            } else if (head instanceof Checkpoint<?> point) {
                checkpoint = (Checkpoint<S>) point;
                entries.pollFirst();
            } else {
                return;
            }
        }
    }

    /** One write's completion; only its first call counts. */
    private final class Write implements Completion {
        private boolean completed;
        private Throwable cause;

        @Override
        public void done() {
            synchronized (ProgressTracker.this) {
                if (completed) {
                    return;
                }
                completed = true;
                inFlight--;
                advance();
                ProgressTracker.this.notifyAll();
            }
        }

        @Override
        public void failed(Throwable error) {
            Objects.requireNonNull(error, "error");
            boolean first;
            synchronized (ProgressTracker.this) {
                if (completed) {
                    return;
                }
                completed = true;
                cause = error;
                inFlight--;
                first = failure == null;
                if (first) {
                    failure = error;
                }
                ProgressTracker.this.notifyAll();
            }
            if (first) {
                onFailure.accept(error);
            }
        }
    }
}
