package io.cdc4j.bench.measure;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (the smallest sample with at least p% of samples at or below it). */
public final class Percentiles {
    private final long[] sorted;

    /** Percentiles of the first {@code count} samples (copied, then sorted). */
    public Percentiles(long[] samples, int count) {
        if (count < 0 || count > samples.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + samples.length);
        }
        this.sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    /** How many samples there are. */
    public int count() {
        return sorted.length;
    }

    /** The p-th percentile, p in (0, 100]; fails when there are no samples. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile outside (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The largest sample; fails when there are none. */
    public long max() {
        return percentile(100);
    }
}
