package io.cdc4j.owner;

import java.time.Duration;
import java.time.Instant;

/**
 * The owner's memory of one changefeed's run of errors: when it began, how many restarts so far, when the next one
 * is due, and the checkpoint at the last error (the changefeed is healthy again once its checkpoint moves past it).
 */
final class RetrySeries {
    private final Instant startedAt;
    private int retries;
    private Instant nextRetryAt;
    private long checkpointAtError;

    RetrySeries(Instant startedAt, long checkpointAtError) {
        this.startedAt = startedAt;
        this.nextRetryAt = startedAt;
        this.checkpointAtError = checkpointAtError;
    }

    /**
     * Records another error; returns false when waiting once more would exceed the budget (the changefeed fails).
     */
    boolean scheduleNext(Instant now, long checkpoint, RetryBackoff backoff, Duration budget) {
        checkpointAtError = checkpoint;
        retries++;
        Duration wait = backoff.interval(retries);
        if (Duration.between(startedAt, now).plus(wait).compareTo(budget) > 0) {
            return false;
        }
        nextRetryAt = now.plus(wait);
        return true;
    }

    boolean due(Instant now) {
        return !now.isBefore(nextRetryAt);
    }

    long checkpointAtError() {
        return checkpointAtError;
    }

    int retries() {
        return retries;
    }
}
