package io.cdc4j.api;

import io.cdc4j.model.Tso;
import java.time.Clock;
import java.util.Objects;

/** "Now" as a TSO, for defaulting and bounding start ts: the wall clock's milliseconds, logical part 0. */
public final class TsoClock {
    private final Clock clock;

    public TsoClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The system wall clock. */
    public static TsoClock system() {
        return new TsoClock(Clock.systemUTC());
    }

    /** The current TSO. */
    public long now() {
        return Tso.fromInstant(clock.instant());
    }
}
