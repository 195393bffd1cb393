package io.cdc4j.upstream;

import io.cdc4j.model.Tso;

/**
 * Hands out strictly increasing commit ts: the physical part is the commit time in ms, never below the
 * last one handed out; when it would be equal, the logical part counts up. Not thread-safe.
 */
public final class CommitTsClock {
    private long physical;
    private long logical;

    /** A clock whose next ts is above {@code compose(physical, logical)}. */
    public CommitTsClock(long physical, long logical) {
        Tso.compose(physical, logical);
        this.physical = physical;
        this.logical = logical;
    }

    /** The ts of a transaction committed at {@code commitMillis}. */
    public long next(long commitMillis) {
        if (commitMillis > physical) {
            physical = commitMillis;
            logical = 0;
        } else if (logical == Tso.MAX_LOGICAL) {
            physical++;
            logical = 0;
        } else {
            logical++;
        }
        return Tso.compose(physical, logical);
    }

    /**
     * A resolved ts for an upstream time of {@code nowMillis}; later transactions get a ts above it even if
     * their binlog time is older.
     */
    public long resolve(long nowMillis) {
        if (nowMillis > physical) {
            physical = nowMillis;
            logical = 0;
        }
        return Tso.compose(physical, logical);
    }

    /** The physical part of the last ts handed out. */
    public long physical() {
        return physical;
    }

    /** The logical part of the last ts handed out. */
    public long logical() {
        return logical;
    }
}
