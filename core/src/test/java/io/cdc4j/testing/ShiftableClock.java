package io.cdc4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Test fixture: the system clock plus an offset the test can move forward, to let long waits pass at once. */
public final class ShiftableClock extends Clock {
    private final AtomicLong offsetNanos = new AtomicLong();

    public void shift(Duration by) {
        offsetNanos.addAndGet(by.toNanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shiftable clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }
}
