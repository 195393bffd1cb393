package io.cdc4j.api;

import io.cdc4j.model.ReaderState;
import io.cdc4j.upstream.BinlogEnd;
import io.cdc4j.upstream.BinlogRetention;
import io.cdc4j.upstream.ReaderStates;
import io.cdc4j.upstream.UpstreamConfig;
import io.cdc4j.upstream.UpstreamDatabase;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a changefeed begins on the upstream, settled by the API call: one created "now" starts at the binlog end
 * read during the create call (kept in its initial reader state), so nothing committed before the call is
 * delivered; a past start ts, or a resume's new checkpoint, is refused when the upstream no longer keeps its
 * binlog. A server without an upstream does neither (its changefeeds start from the ts alone).
 */
final class ChangefeedStart {
    /** The binlog probes of API calls present the upstream URI's server id, which readers never use: one at a time. */
    private static final ReentrantLock PROBES = new ReentrantLock();

    private final Optional<UpstreamConfig> upstream;

    ChangefeedStart(Optional<UpstreamConfig> upstream) {
        this.upstream = upstream;
    }

    /** The binlog end now; empty without an upstream. */
    Optional<BinlogEnd> binlogEnd() {
        return upstream.map(config -> {
            try (UpstreamDatabase database = UpstreamDatabase.connect(config)) {
                return database.binlogEndWithGtids();
            }
        });
    }

    /** The initial reader state of a changefeed starting at {@code end} with {@code startTs} as its ts floor. */
    static ReaderState readerState(Optional<BinlogEnd> end, long startTs) {
        return end.map(at -> ReaderStates.of(at.startingAfter(startTs))).orElse(ReaderState.initial());
    }

    /**
     * Refuses a start ts the upstream's binlogs no longer reach.
     *
     * @throws io.cdc4j.error.CdcException START_TS_BEFORE_GC when the upstream's oldest binlog starts after
     *                                     {@code startTs}
     */
    void requireRetained(long startTs) {
        if (upstream.isEmpty()) {
            return;
        }
        PROBES.lock();
        try {
            BinlogRetention.require(upstream.get(), startTs);
        } finally {
            PROBES.unlock();
        }
    }
}
