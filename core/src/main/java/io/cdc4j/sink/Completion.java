package io.cdc4j.sink;

/**
 * How a sink says that something it was handed is durable downstream, or can never be: exactly one of the two,
 * exactly once (a {@link ProgressTracker}'s completions ignore any later call).
 */
public interface Completion {
    /** What was handed over is durable downstream. */
    void done();

    /** What was handed over cannot be made durable; the changefeed fails with {@code cause}. */
    void failed(Throwable cause);
}
