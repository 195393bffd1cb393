package io.cdc4j.sink.mysql;

import java.time.Duration;

/** The sink's own retry policy for transient downstream errors: a few tries with doubling waits. */
record Retry(int attempts, Duration firstWait, Duration maxWait) {
    /** What DML flushes and DDL use: 4 tries, 500 ms then doubling up to 4 s, so a dead downstream surfaces in seconds. */
    static final Retry STANDARD = new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(4));

    /** The wait before try {@code attempt} (1-based, from the second try). */
    Duration waitBefore(int attempt) {
        long millis = firstWait.toMillis() << Math.min(20, attempt - 2);
        return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
    }
}
