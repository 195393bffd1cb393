package io.cdc4j.bench.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a target reports the rows reaching its sink: counts them, notes when the first and last came, records
 * each row's lag when asked to, and opens a gate once the expected number has arrived.
 */
public final class Arrivals {
    private final boolean measuresLag;
    private final AtomicLong rows = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long expected = Long.MAX_VALUE;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private long[] lagMicros = new long[0];
    private int lagCount;

    /** Arrivals of a run that measures lag or not. */
    public Arrivals(boolean measuresLag) {
        this.measuresLag = measuresLag;
        if (measuresLag) {
            lagMicros = new long[1 << 16];
        }
    }

    /** Whether targets should report each row's write time with {@link #lag}. */
    public boolean measuresLag() {
        return measuresLag;
    }

    /** The wall clock in microseconds since the epoch, as NOW(6) values are. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** {@code count} rows arrived. */
    public void rows(int count) {
        long now = System.nanoTime();
        if (firstNanos == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        if (rows.addAndGet(count) >= expected) {
            reached.countDown();
        }
    }

    /** The run is done now, after its last row (a changefeed's checkpoint caught up): its time ends here. */
    public void finished() {
        lastNanos = System.nanoTime();
    }

    /** A row written at {@code writtenMicros} arrived at {@code arrivalMicros} (it is counted by {@link #rows}). */
    public synchronized void lag(long writtenMicros, long arrivalMicros) {
        if (lagCount == lagMicros.length) {
            lagMicros = Arrays.copyOf(lagMicros, lagMicros.length * 2);
        }
        lagMicros[lagCount++] = arrivalMicros - writtenMicros;
    }

    /** From now on the run is complete when {@code total} rows have arrived. */
    public void expect(long total) {
        expected = total;
        if (rows.get() >= total) {
            reached.countDown();
        }
    }

    /** The rows that make the run complete, as last set by {@link #expect}. */
    public long expected() {
        return expected;
    }

    /** Waits until the expected rows have arrived; false on timeout. */
    public boolean await(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Rows arrived so far. */
    public long count() {
        return rows.get();
    }

    /** Seconds from this object's creation (the run's start) to the last row; 0 when none came. */
    public double secondsToLastRow() {
        return lastNanos == 0 ? 0 : (lastNanos - startNanos) / 1e9;
    }

    /** Seconds from the run's start to the first row; 0 when none came. */
    public double secondsToFirstRow() {
        return firstNanos == 0 ? 0 : (firstNanos - startNanos) / 1e9;
    }

    /** The lag of the rows reported with {@link #lag}. */
    public synchronized LagSummary lagSummary() {
        return LagSummary.ofMicros(new Percentiles(lagMicros, lagCount));
    }
}
