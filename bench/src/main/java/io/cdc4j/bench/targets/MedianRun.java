package io.cdc4j.bench.targets;

import java.util.Comparator;
import java.util.List;

/**
 * Picks the run that stands for a target among repeated runs: the median by rows/s (of an even number, the
 * slower middle one), with incomplete runs counted as the slowest.
 */
public final class MedianRun {
    private MedianRun() {
    }

    /** The median run of {@code target} among {@code runs}; fails when it has none. */
    public static TargetResult of(List<TargetResult> runs, String target) {
        List<TargetResult> own = runs.stream().filter(run -> run.target().equals(target))
                .sorted(Comparator.comparingDouble(MedianRun::speed)).toList();
        if (own.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + target);
        }
        return own.get((own.size() - 1) / 2);
    }

    private static double speed(TargetResult run) {
        return run.complete() ? run.rowsPerSecond() : -1;
    }
}
