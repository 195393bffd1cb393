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

    /**
     * The connection failed, dropped, or fell silent past the reader's silence bound; the reader retries after
     * {@code retryIn} from its last transaction boundary.
     */
    default void onConnectionLost(Throwable cause, int attempt, Duration retryIn) {
    }

    /**
     * The reader stopped for good: the sink threw, a thread of the reader died (an {@link Error} included), or the
     * server gave an error no retry cures (a purged binlog, a server-id clash); {@code cause} names it and the fix.
     */
    default void onFailed(Throwable cause) {
    }
}
