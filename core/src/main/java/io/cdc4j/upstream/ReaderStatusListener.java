package io.cdc4j.upstream;

import java.time.Duration;

/** Learns about a {@link BinlogReader}'s connection: later shown as a changefeed's warning or error. */
public interface ReaderStatusListener {
    /** A listener that ignores everything. */
    ReaderStatusListener NONE = new ReaderStatusListener() {
    };

    /** The reader is connected and reading. */
    default void onConnected() {
    }

    /** The connection failed or dropped; the reader retries after {@code retryIn}. */
    default void onConnectionLost(Throwable cause, int attempt, Duration retryIn) {
    }

    /** The reader stopped for good (e.g. the sink threw, or a start point cannot be found). */
    default void onFailed(Throwable cause) {
    }
}
