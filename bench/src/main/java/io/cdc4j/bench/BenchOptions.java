package io.cdc4j.bench;

import io.cdc4j.bench.workload.WorkloadSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's settings, from {@code --key=value} arguments; the defaults are the full run that fits in
 * 15 minutes on two cores.
 *
 * @param size what the workload writes
 * @param lagRowsPerSecond the steady write rate of the lag runs
 * @param lagDuration how long the lag runs write
 * @param memoryQuotaBytes cdc4j's memory_quota
 * @param childHeap the -Xmx of every target's JVM
 * @param targets the targets to run, in order
 * @param repeat how many rounds of cold-start runs (each round runs every target once; the median counts)
 * @param jfr when to profile a cold-start run: always, never, or auto (when the reader misses a throughput target)
 * @param jfrTarget the target whose cold-start run is profiled (default the reader, {@code cdc4j})
 * @param workDir where the upstream's data, offsets and logs go (wiped at the start)
 * @param resultsDir where the results file is written
 * @param commit the git commit being measured
 */
public record BenchOptions(WorkloadSize size, int lagRowsPerSecond, Duration lagDuration, long memoryQuotaBytes,
                           String childHeap, List<String> targets, int repeat, String jfr, String jfrTarget, Path workDir, Path resultsDir,
                           String commit) {
    private static final String DEFAULT_TARGETS = "raw,raw-json,cdc4j,debezium,debezium-json,cdc4j-changefeed,"
            + "cdc4j-kafka,cdc4j-mysql,cdc4j-mysql-2captures,insert";
    private static final Set<String> KEYS = Set.of("tables", "rows-per-table", "rows-per-txn", "mixed-txns",
            "huge-rows", "lag-rate", "lag-seconds", "memory-quota-mb", "child-heap", "targets", "repeat", "jfr", "jfr-target", "work-dir",
            "results-dir", "commit", "small");

    public BenchOptions {
        targets = List.copyOf(targets);
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1: " + repeat);
        }
        if (!Set.of("always", "never", "auto").contains(jfr)) {
            throw new IllegalArgumentException("--jfr must be always, never or auto: " + jfr);
        }
    }

    /** The options of {@code args}; {@code --small} shrinks every default for a quick try. */
    public static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS);
            }
            values.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        boolean small = Boolean.parseBoolean(values.getOrDefault("small", "false"));
        WorkloadSize size = new WorkloadSize(integer(values, "tables", 4),
                integer(values, "rows-per-table", small ? 10_000 : 200_000),
                integer(values, "rows-per-txn", 100),
                integer(values, "mixed-txns", small ? 1_000 : 10_000),
                integer(values, "huge-rows", small ? 20_000 : 500_000));
        return new BenchOptions(size, integer(values, "lag-rate", 10_000),
                Duration.ofSeconds(integer(values, "lag-seconds", small ? 5 : 30)),
                (long) integer(values, "memory-quota-mb", 64) << 20,
                values.getOrDefault("child-heap", "1g"),
                Arrays.asList(values.getOrDefault("targets", DEFAULT_TARGETS).split(",")),
                integer(values, "repeat", small ? 1 : 3),
                values.getOrDefault("jfr", "auto"),
                values.getOrDefault("jfr-target", "cdc4j"),
                Path.of(values.getOrDefault("work-dir", "bench/target/work")).toAbsolutePath(),
                Path.of(values.getOrDefault("results-dir", "bench/results")).toAbsolutePath(),
                values.getOrDefault("commit", "unknown"));
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " is not a number: " + value, e);
        }
    }

    /** The settings in words, for the results file. */
    public String describe() {
        return String.format(Locale.ROOT,
                "Workload: %d tables of 10 columns; %,d rows inserted per table, %d rows per transaction in the insert,"
                        + " update and delete phases; %,d mixed transactions; one transaction of %,d rows."
                        + " cdc4j memory_quota %d MiB; each system in its own JVM with -Xmx%s. Cold-start runs: %d"
                        + " interleaved rounds, each system's median run reported; the targets writing to the"
                        + " downstream MariaDB (cdc4j-mysql, cdc4j-mysql-2captures, insert) or to Kafka (cdc4j-kafka)"
                        + " run in the first round only.",
                size.tables(), size.rowsPerTable(), size.rowsPerTransaction(), size.mixedTransactions(),
                size.hugeTransactionRows(), memoryQuotaBytes >> 20, childHeap, repeat);
    }
}
