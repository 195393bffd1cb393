package io.cdc4j.bench.report;

import io.cdc4j.bench.targets.TargetResult;
import io.cdc4j.bench.workload.PhaseResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one benchmark run found, for the results file.
 *
 * @param date the run's date (yyyy-MM-dd)
 * @param commit the git commit measured
 * @param environment the machine and JVM, in words
 * @param settings the workload and run settings, in words
 * @param phases what each workload phase wrote
 * @param binlogBytes the binlog bytes the cold-start runs read
 * @param lagSettings the steady rate and duration of the lag runs, in words
 * @param memoryQuotaBytes cdc4j's memory quota
 * @param cold the cold-start run that counts for each system (its median)
 * @param coldRuns every cold-start run
 * @param memory the memory runs (cold start with forced full GCs) of the targets whose live set is measured
 * @param lag the lag runs
 * @param profile the JFR summary of cdc4j's run, when one was recorded
 */
public record BenchRun(String date, String commit, String environment, String settings, List<PhaseResult> phases,
                       long binlogBytes, String lagSettings, long memoryQuotaBytes, List<TargetResult> cold,
                       List<TargetResult> coldRuns, List<TargetResult> memory, List<TargetResult> lag, Optional<String> profile) {
    public BenchRun {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(commit, "commit");
        phases = List.copyOf(phases);
        cold = List.copyOf(cold);
        coldRuns = List.copyOf(coldRuns);
        memory = List.copyOf(memory);
        lag = List.copyOf(lag);
        Objects.requireNonNull(profile, "profile");
    }

    /** Rows the cold-start runs read. */
    public long rows() {
        return phases.stream().mapToLong(PhaseResult::rows).sum();
    }

    /** The results file's name: {@code <date>-<commit>.md}. */
    public String fileName() {
        return date + "-" + commit + ".md";
    }
}
