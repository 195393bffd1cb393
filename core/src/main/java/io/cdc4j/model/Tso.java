package io.cdc4j.model;

import java.time.Instant;

/** TSO arithmetic: a ts is {@code unixMillis << 18 | logical}, as in TiDB's PD. */
public final class Tso {
    /** Bits of the logical part. */
    public static final int LOGICAL_BITS = 18;
    /** The largest logical part. */
    public static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;

    private Tso() {
    }

    /** The ts of a physical time in ms and a logical counter. */
    public static long compose(long physicalMillis, long logical) {
        if (physicalMillis < 0 || physicalMillis >= (1L << (63 - LOGICAL_BITS))) {
            throw new IllegalArgumentException("physical time out of range: " + physicalMillis);
        }
        if (logical < 0 || logical > MAX_LOGICAL) {
            throw new IllegalArgumentException("logical part out of range: " + logical);
        }
        return physicalMillis << LOGICAL_BITS | logical;
    }

    /** The physical part, unix time in ms. */
    public static long physical(long ts) {
        return ts >>> LOGICAL_BITS;
    }

    /** The logical part. */
    public static long logical(long ts) {
        return ts & MAX_LOGICAL;
    }

    /** The wall time of a ts. */
    public static Instant toInstant(long ts) {
        return Instant.ofEpochMilli(physical(ts));
    }

    /** The ts of an instant, logical part 0 (sub-millisecond precision is dropped). */
    public static long fromInstant(Instant instant) {
        return compose(instant.toEpochMilli(), 0);
    }
}
