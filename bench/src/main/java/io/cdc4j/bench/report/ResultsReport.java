package io.cdc4j.bench.report;

import io.cdc4j.bench.targets.TargetResult;
import io.cdc4j.bench.workload.PhaseResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Renders a {@link BenchRun} as the Markdown results file committed under bench/results. */
public final class ResultsReport {
    private ResultsReport() {
    }

    /** The whole results file. */
    public static String render(BenchRun run) {
        Comparison comparison = new Comparison(run.cold(), run.lag(), run.memory(), run.memoryQuotaBytes());
        StringBuilder md = new StringBuilder();
        md.append("# cdc4j bench ").append(run.date()).append(" at ").append(run.commit()).append("\n\n");
        md.append(run.environment()).append("\n\n").append(run.settings()).append("\n\n");
        md.append("## Ratios\n\n");
        comparison.ratioLines().forEach(line -> md.append(line).append('\n'));
        md.append('\n');
        md.append("## Summary\n\n");
        summaryTable(md, run);
        md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
        for (Check check : comparison.checks()) {
            md.append("| ").append(check.goal()).append(" | ").append(check.measured()).append(" | ")
                    .append(check.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append('\n');
        md.append("## Workload\n\n| phase | rows | transactions | write s | written rows/s |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (PhaseResult phase : run.phases()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,.0f |%n", phase.name(), phase.rows(),
                    phase.transactions(), phase.nanos() / 1e9, phase.rowsPerSecond()));
        }
        md.append(String.format(Locale.ROOT, "| **total** | %,d | | | |%n%n", run.rows()));
        md.append(String.format(Locale.ROOT, "Binlog read by each cold-start run: %,d bytes (%.1f MB).%n%n",
                run.binlogBytes(), run.binlogBytes() / 1e6));
        md.append("## Every run\n\n");
        runsTable(md, run);
        run.profile().ifPresent(profile -> md.append("## Profile (JFR)\n\n")
                .append(profile).append('\n'));
        return md.toString();
    }

    private static void summaryTable(StringBuilder md, BenchRun run) {
        md.append("Throughput from a cold start (the target's JVM is up; connecting and class loading count) over the"
                + " whole workload's binlog, and from its first row on; lag at the steady rate (")
                .append(run.lagSettings()).append("); peak heap, heap after GC and RSS of the cold-start run's JVM;"
                        + " live set: the most heap left by the full GCs forced twice a second in a memory run of the"
                        + " same workload (cdc4j's targets; after a young GC G1 still counts old-generation garbage"
                        + " no marking has found, so heap after GC overstates what is held).\n\n");
        md.append("| system | rows/s | MB/s | rows/s after 1st row | lag p50 ms | lag p99 ms | peak heap MiB |"
                + " heap after GC MiB | live set MiB | peak RSS MiB |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TargetResult cold : run.cold()) {
            Optional<TargetResult> lag = run.lag().stream().filter(r -> r.target().equals(cold.target())).findFirst()
                    .filter(r -> r.lag().measured());
            Optional<TargetResult> memory = run.memory().stream().filter(r -> r.target().equals(cold.target()))
                    .findFirst();
            md.append(String.format(Locale.ROOT, "| %s%s | %,.0f | %.1f | %,.0f | %s | %s | %d | %d | %s | %d |%n",
                    cold.target(), cold.complete() ? "" : " (incomplete)", cold.rowsPerSecond(),
                    cold.megabytesPerSecond(run.binlogBytes()), cold.rowsPerSecondAfterFirstRow(),
                    lag.map(r -> String.format(Locale.ROOT, "%.1f", r.lag().p50Millis())).orElse("-"),
                    lag.map(r -> String.format(Locale.ROOT, "%.1f", r.lag().p99Millis())).orElse("-"),
                    cold.memory().peakHeapBytes() >> 20, cold.memory().peakHeapAfterGcBytes() >> 20,
                    memory.map(ResultsReport::liveSet).orElse("-"), cold.memory().peakRssBytes() >> 20));
        }
        md.append('\n');
    }

    private static void runsTable(StringBuilder md, BenchRun run) {
        md.append("| system | mode | rows | of | s | first row s | rows/s | lag p50/p99/max ms | peak heap MiB |"
                + " heap after GC MiB | live set MiB | peak RSS MiB | error |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (TargetResult result : Stream.of(run.coldRuns(), run.memory(), run.lag()).flatMap(List::stream).toList()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.2f | %.2f | %,.0f | %s | %d | %d | %s | %d | %s |%n",
                    result.target(), result.mode(), result.rows(), result.expectedRows(), result.seconds(),
                    result.secondsToFirstRow(), result.rowsPerSecond(),
                    result.lag().measured() ? String.format(Locale.ROOT, "%.1f / %.1f / %.1f", result.lag().p50Millis(),
                            result.lag().p99Millis(), result.lag().maxMillis()) : "-",
                    result.memory().peakHeapBytes() >> 20, result.memory().peakHeapAfterGcBytes() >> 20,
                    liveSet(result), result.memory().peakRssBytes() >> 20, result.error().replace('|', '/')));
        }
        md.append('\n');
    }

    private static String liveSet(TargetResult result) {
        return result.memory().liveSetBytes() > 0 ? Long.toString(result.memory().liveSetBytes() >> 20) : "-";
    }
}
