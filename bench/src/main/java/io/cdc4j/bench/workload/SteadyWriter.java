package io.cdc4j.bench.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Writes the lag table at a steady rate: one small autocommit INSERT every tick, its rows stamped with NOW(6).
 * Each {@link #run} continues the ids of the one before.
 */
public final class SteadyWriter {
    private static final int TICKS_PER_SECOND = 100;

    private final int rowsPerSecond;
    private final Duration duration;
    private long nextId = 1;

    /** A writer of {@code rowsPerSecond} (a multiple of 100 keeps the rate exact) for {@code duration}. */
    public SteadyWriter(int rowsPerSecond, Duration duration) {
        if (rowsPerSecond < TICKS_PER_SECOND) {
            throw new IllegalArgumentException("rate below " + TICKS_PER_SECOND + " rows/s: " + rowsPerSecond);
        }
        this.rowsPerSecond = rowsPerSecond;
        this.duration = duration;
    }

    /** Writes until the duration is over; returns the rows written. */
    public long run(Connection connection) throws SQLException {
        int rowsPerTick = rowsPerSecond / TICKS_PER_SECOND;
        long ticks = duration.toMillis() * TICKS_PER_SECOND / 1000;
        RatePacer pacer = new RatePacer(TICKS_PER_SECOND);
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            for (long tick = 0; tick < ticks; tick++) {
                pacer.awaitNextTick();
                rows += statement.executeUpdate(BenchSchema.insertRange(BenchSchema.LAG_TABLE, nextId,
                        nextId + rowsPerTick - 1));
                nextId += rowsPerTick;
            }
        }
        return rows;
    }
}
