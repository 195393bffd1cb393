package io.cdc4j.model;

import java.time.Instant;

/** TiDB-style timestamps: {@code unixMillis << 18 | logical}; every ts in the API and in ZooKeeper is one. */
public final class Tso {
    /** Bits of the logical counter below the physical milliseconds. */
    public static final int LOGICAL_BITS = 18;
    private static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;

    private Tso() {
    }

    /** The ts of a wall-clock millisecond and a logical counter. */
    public static long of(long unixMillis, long logical) {
        if (unixMillis < 0) {
            throw new IllegalArgumentException("physical time must not be negative: " + unixMillis);
        }
        if (logical < 0 || logical > MAX_LOGICAL) {
            throw new IllegalArgumentException("logical part must be within 0.." + MAX_LOGICAL + ": " + logical);
        }
        return unixMillis << LOGICAL_BITS | logical;
    }

    /** The ts of an instant, logical part 0. */
    public static long of(Instant instant) {
        return of(instant.toEpochMilli(), 0);
    }

    /** The wall-clock milliseconds of a ts. */
    public static long physicalMillis(long ts) {
        return ts >>> LOGICAL_BITS;
    }

    /** The logical counter of a ts. */
    public static long logical(long ts) {
        return ts & MAX_LOGICAL;
    }

    /** The wall-clock instant of a ts. */
    public static Instant instant(long ts) {
        return Instant.ofEpochMilli(physicalMillis(ts));
    }
}
