package io.cdc4j.bench;

import io.cdc4j.bench.report.BenchRun;
import io.cdc4j.bench.report.Comparison;
import io.cdc4j.bench.report.JfrSummary;
import io.cdc4j.bench.report.ResultsReport;
import io.cdc4j.bench.targets.BenchTarget;
import io.cdc4j.bench.targets.BenchTargets;
import io.cdc4j.bench.targets.MedianRun;
import io.cdc4j.bench.targets.RowCounts;
import io.cdc4j.bench.targets.TargetLauncher;
import io.cdc4j.bench.targets.TargetLauncher.RunningTarget;
import io.cdc4j.bench.targets.TargetResult;
import io.cdc4j.bench.targets.WorkloadSpan;
import io.cdc4j.bench.upstream.BenchKafka;
import io.cdc4j.bench.upstream.BinlogPoint;
import io.cdc4j.bench.upstream.Downstream;
import io.cdc4j.bench.upstream.EmbeddedUpstream;
import io.cdc4j.bench.workload.PhaseResult;
import io.cdc4j.bench.workload.SteadyWriter;
import io.cdc4j.bench.workload.Workload;
import io.cdc4j.model.Tso;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark: starts the upstream, writes the workload, runs every target over the same binlog in a JVM of
 * its own (cold start, cdc4j's again measuring its live set, then lag at a steady write rate), profiles cdc4j when it falls short, and writes the
 * results file.
 */
public final class BenchMain {
    private final BenchOptions options;

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path results = new BenchMain(BenchOptions.parse(args)).run();
        System.out.println("results: " + results);
        System.exit(0);
    }

    private Path run() throws Exception {
        List<BenchTarget> targets = options.targets().stream().map(BenchTargets::byName).toList();
        wipe(options.workDir());
        Files.createDirectories(options.workDir());
        say(options.describe());
        try (EmbeddedUpstream upstream = EmbeddedUpstream.start(options.workDir(),
                options.workDir().getParent().resolve("mariadb-base"))) {
            BinlogPoint start = upstream.start();
            Workload workload = new Workload(options.size(), this::say);
            List<PhaseResult> phases;
            long startTs = tsBeforeNextSecond();
            try (Connection connection = upstream.connect()) {
                workload.createSchema(connection);
                phases = workload.run(connection);
            }
            long endTs = Tso.fromInstant(Instant.now());
            BinlogPoint end = upstream.end();
            long rows = phases.stream().mapToLong(PhaseResult::rows).sum();
            long bytes = upstream.bytesBetween(start, end);
            say(String.format(Locale.ROOT, "workload: %,d rows, binlog %s .. %s, %,d bytes", rows, start, end, bytes));
            long tableRows = RowCounts.of(upstream.port()).values().stream().mapToLong(Long::longValue).sum();
            Optional<Downstream> downstream = targets.stream().anyMatch(BenchTarget::needsDownstream)
                    ? Optional.of(Downstream.start(options.workDir(), options.size().tables())) : Optional.empty();
            Optional<BenchKafka> kafka = Optional.empty();
            TargetLauncher launcher = new TargetLauncher(upstream.port(), options.memoryQuotaBytes(),
                    options.childHeap(), options.workDir());
            List<TargetResult> coldRuns = new ArrayList<>();
            List<TargetResult> cold;
            Optional<String> profile;
            List<TargetResult> lag = new ArrayList<>();
            List<TargetResult> memory = new ArrayList<>();
            try {
                if (targets.stream().anyMatch(BenchTarget::needsKafka)) {
                    kafka = Optional.of(BenchKafka.start(options.workDir()));
                }
                WorkloadSpan span = new WorkloadSpan(startTs, endTs, downstream.map(Downstream::port).orElse(0),
                        kafka.map(BenchKafka::bootstrap).orElse(""));
                for (int round = 0; round < options.repeat(); round++) {
                    for (BenchTarget target : targets) {
                        if (target.firstRoundOnly() && round > 0) {
                            continue;
                        }
                        if (target.needsDownstream()) {
                            downstream.orElseThrow().reset();
                        }
                        TargetResult result = launcher.launch(target, "cold", start, span,
                                target.expectedRows(rows, tableRows), Optional.empty()).awaitResult();
                        say(line(result, bytes));
                        coldRuns.add(result);
                    }
                }
                cold = targets.stream().map(target -> MedianRun.of(coldRuns, target.name())).toList();
                for (BenchTarget target : targets) {
                    if (target.measuresLiveSet()) {
                        if (target.needsDownstream()) {
                            downstream.orElseThrow().reset();
                        }
                        TargetResult result = launcher.launch(target, "memory", start, span,
                                target.expectedRows(rows, tableRows), Optional.empty()).awaitResult();
                        say(line(result, 0) + " (full GCs forced)");
                        memory.add(result);
                    }
                }
                profile = profile(launcher, targets, cold, start, span, rows);
                SteadyWriter writer = new SteadyWriter(options.lagRowsPerSecond(), options.lagDuration());
                for (BenchTarget target : targets) {
                    if (target.measuresLag()) {
                        if (target.needsDownstream()) {
                            downstream.orElseThrow().reset();
                        }
                        lag.add(lagRun(upstream, launcher, target, writer, span));
                    }
                }
            } finally {
                downstream.ifPresent(Downstream::close);
                kafka.ifPresent(BenchKafka::close);
            }
            BenchRun run = new BenchRun(LocalDate.now().toString(), options.commit(), environment(upstream),
                    options.describe(), phases, bytes, lagSettings(), options.memoryQuotaBytes(), cold, coldRuns, memory,
                    lag, profile);
            Files.createDirectories(options.resultsDir());
            Path file = options.resultsDir().resolve(run.fileName());
            Files.writeString(file, ResultsReport.render(run));
            new Comparison(cold, lag, memory, options.memoryQuotaBytes()).ratioLines().forEach(this::say);
            return file;
        }
    }

    private Optional<String> profile(TargetLauncher launcher, List<BenchTarget> targets, List<TargetResult> cold,
                                     BinlogPoint start, WorkloadSpan span, long rows) throws Exception {
        boolean missed = new Comparison(cold, List.of(), List.of(), options.memoryQuotaBytes()).throughputShort();
        boolean wanted = options.jfr().equals("always") || options.jfr().equals("auto") && missed;
        Optional<BenchTarget> profiled = targets.stream().filter(t -> t.name().equals(options.jfrTarget()))
                .findFirst();
        if (!wanted || profiled.isEmpty()) {
            return Optional.empty();
        }
        if (profiled.get().needsDownstream()) {
            say("not profiling " + options.jfrTarget() + ": a target writing to the downstream is not profiled");
            return Optional.empty();
        }
        Path recording = options.workDir().resolve(options.jfrTarget() + "-cold.jfr");
        say("profiling " + options.jfrTarget() + "'s cold-start run with JFR: " + recording);
        TargetResult result = launcher.launch(profiled.get(), "cold", start, span,
                rows, Optional.of(recording)).awaitResult();
        say(line(result, 0) + " (under JFR)");
        return Optional.of(String.format(Locale.ROOT, "`%s`'s cold-start run, recorded with"
                + " `-XX:StartFlightRecording=settings=profile` in a separate run (%,.0f rows/s under the profiler).%n%n",
                options.jfrTarget(), result.rowsPerSecond()) + JfrSummary.of(recording).toMarkdown());
    }

    private TargetResult lagRun(EmbeddedUpstream upstream, TargetLauncher launcher, BenchTarget target,
                                SteadyWriter writer, WorkloadSpan workload) throws Exception {
        WorkloadSpan span = workload.at(tsBeforeNextSecond());
        try (RunningTarget running = launcher.launch(target, "lag", upstream.end(), span, 0, Optional.empty())) {
            running.awaitReady();
            long written;
            try (Connection connection = upstream.connect()) {
                written = writer.run(connection);
            }
            running.expect(written);
            TargetResult result = running.awaitResult();
            say(line(result, 0));
            return result;
        }
    }

    /**
     * A ts of now, then waits into the next second: binlog times have whole seconds, so every later transaction's
     * commit ts is above the returned one.
     */
    private static long tsBeforeNextSecond() throws InterruptedException {
        Instant now = Instant.now();
        Thread.sleep(1_000 - now.getNano() / 1_000_000 + 10);
        return Tso.fromInstant(now);
    }

    private String lagSettings() {
        return String.format(Locale.ROOT, "%,d rows/s for %d s, 100 rows per transaction", options.lagRowsPerSecond(),
                options.lagDuration().toSeconds());
    }

    private static String environment(EmbeddedUpstream upstream) throws Exception {
        String version;
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
            rows.next();
            version = rows.getString(1);
        }
        return String.format(Locale.ROOT, "Machine: %d cores, %s %s; JVM %s (%s); upstream MariaDB %s (embedded,"
                        + " same machine, loopback).", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), version);
    }

    private static String line(TargetResult result, long bytes) {
        String lag = result.lag().measured() ? String.format(Locale.ROOT, ", lag p50 %.1f ms p99 %.1f ms",
                result.lag().p50Millis(), result.lag().p99Millis()) : "";
        return String.format(Locale.ROOT, "%-14s %-4s %,d/%,d rows in %.2f s: %,.0f rows/s%s%s, heap %d MiB (after GC %d%s),"
                        + " RSS %d MiB%s", result.target(), result.mode(), result.rows(), result.expectedRows(),
                result.seconds(), result.rowsPerSecond(),
                bytes > 0 ? String.format(Locale.ROOT, ", %.1f MB/s", result.megabytesPerSecond(bytes)) : "", lag,
                result.memory().peakHeapBytes() >> 20, result.memory().peakHeapAfterGcBytes() >> 20,
                result.memory().liveSetBytes() > 0 ? ", live set " + (result.memory().liveSetBytes() >> 20) : "",
                result.memory().peakRssBytes() >> 20, result.error().isEmpty() ? "" : " ERROR " + result.error());
    }

    private void say(String message) {
        System.out.println("[bench] " + message);
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
