package io.cdc4j.bench.report;

import io.cdc4j.bench.targets.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * cdc4j's figures set against the ceiling (the raw client) and the peer (Debezium): the ratio lines a script
 * reads, and the targets met or missed.
 */
public final class Comparison {
    /** cdc4j's reader should reach this share of the raw client's throughput (1.5x is the aim on two cores). */
    public static final double CEILING_GOAL = 1.0;
    /** cdc4j's throughput should be this many times Debezium's. */
    public static final double PEER_GOAL = 5.0;
    /** The changefeed to blackhole:// should reach this share of the raw client's rows/s from its first row. */
    public static final double CHANGEFEED_GOAL = 0.8;
    /** The changefeed to MySQL should reach this share of the plain INSERT load's rows/s. */
    public static final double MYSQL_GOAL = 1.0;
    /** The changefeed to Kafka should reach this share of the raw client's rows/s with a JSON encode of each row. */
    public static final double KAFKA_GOAL = 0.5;
    /** The p99 lag at the steady rate of the reader and of every changefeed should stay below this. */
    public static final double LAG_P99_GOAL_MILLIS = 100;
    /** Heap cdc4j may hold beyond its memory quota: the JVM's and the server's own baseline. */
    public static final long HEAP_MARGIN_BYTES = 128L << 20;
    /** The targets that are cdc4j, whose lag and memory have targets. */
    private static final List<String> CDC4J_TARGETS = List.of("cdc4j", "cdc4j-changefeed", "cdc4j-kafka",
            "cdc4j-mysql");

    private final List<TargetResult> cold;
    private final List<TargetResult> lag;
    private final List<TargetResult> memory;
    private final long memoryQuotaBytes;

    /** A comparison of cold-start, lag and memory runs, cdc4j's run with {@code memoryQuotaBytes}. */
    public Comparison(List<TargetResult> cold, List<TargetResult> lag, List<TargetResult> memory,
                      long memoryQuotaBytes) {
        this.cold = List.copyOf(cold);
        this.lag = List.copyOf(lag);
        this.memory = List.copyOf(memory);
        this.memoryQuotaBytes = memoryQuotaBytes;
    }

    /** cdc4j's cold-start rows/s over the raw client's. */
    public OptionalDouble cdc4jOverRaw() {
        return ratio("cdc4j", "raw");
    }

    /** cdc4j's cold-start rows/s over Debezium's counting handler's. */
    public OptionalDouble cdc4jOverDebezium() {
        return ratio("cdc4j", "debezium");
    }

    /** cdc4j's cold-start rows/s over Debezium's JSON run's. */
    public OptionalDouble cdc4jOverDebeziumJson() {
        return ratio("cdc4j", "debezium-json");
    }

    /** The changefeed to blackhole://'s cold-start rows/s over the raw client's. */
    public OptionalDouble changefeedOverRaw() {
        return ratio("cdc4j-changefeed", "raw");
    }

    /** The changefeed to blackhole://'s rows/s from its first row over the raw client's from its first row. */
    public OptionalDouble changefeedOverRawAfterFirstRow() {
        Optional<TargetResult> top = find(cold, "cdc4j-changefeed").filter(TargetResult::complete);
        Optional<TargetResult> bottom = find(cold, "raw").filter(TargetResult::complete);
        if (top.isEmpty() || bottom.isEmpty() || bottom.get().rowsPerSecondAfterFirstRow() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(top.get().rowsPerSecondAfterFirstRow() / bottom.get().rowsPerSecondAfterFirstRow());
    }

    /** The changefeed to MySQL's rows/s over the plain INSERT load's. */
    public OptionalDouble mysqlOverInsert() {
        return ratio("cdc4j-mysql", "insert");
    }

    /** The changefeed to MySQL's rows/s with its tables spread over 2 captures over its rows/s on one. */
    public OptionalDouble twoCapturesOverOne() {
        return ratio("cdc4j-mysql-2captures", "cdc4j-mysql");
    }

    /** The changefeed to Kafka's rows/s over the raw client's with a JSON encode of every row (its ceiling). */
    public OptionalDouble kafkaOverRawJson() {
        return ratio("cdc4j-kafka", "raw-json");
    }

    /** The ratio lines, one per line, exactly as scripts read them. */
    public List<String> ratioLines() {
        return List.of("cdc4j/raw: " + format(cdc4jOverRaw(), "%.2f"),
                "cdc4j/debezium: " + format(cdc4jOverDebezium(), "%.1f"),
                "cdc4j/debezium-json: " + format(cdc4jOverDebeziumJson(), "%.1f"),
                "cdc4j-changefeed/raw: " + format(changefeedOverRaw(), "%.2f"),
                "cdc4j-mysql/insert: " + format(mysqlOverInsert(), "%.2f"),
                "cdc4j-mysql-2captures/cdc4j-mysql: " + format(twoCapturesOverOne(), "%.2f"),
                "cdc4j-kafka/raw-json: " + format(kafkaOverRawJson(), "%.2f"));
    }

    /** The targets, each met or missed (a target without a measurement counts as missed). */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(String.format(Locale.ROOT, "cdc4j >= %.1fx the raw client", CEILING_GOAL),
                format(cdc4jOverRaw(), "%.2f"), cdc4jOverRaw().orElse(0) >= CEILING_GOAL));
        checks.add(new Check(String.format(Locale.ROOT, "cdc4j >= %.0fx Debezium", PEER_GOAL),
                format(cdc4jOverDebezium(), "%.1f"), cdc4jOverDebezium().orElse(0) >= PEER_GOAL));
        checks.add(new Check(String.format(Locale.ROOT, "cdc4j-changefeed >= %.1fx the raw client from its first row",
                CHANGEFEED_GOAL), format(changefeedOverRawAfterFirstRow(), "%.2f"),
                changefeedOverRawAfterFirstRow().orElse(0) >= CHANGEFEED_GOAL));
        checks.add(new Check(String.format(Locale.ROOT, "cdc4j-mysql >= %.1fx the plain INSERT load", MYSQL_GOAL),
                format(mysqlOverInsert(), "%.2f"), mysqlOverInsert().orElse(0) >= MYSQL_GOAL));
        checks.add(new Check(String.format(Locale.ROOT, "cdc4j-kafka >= %.1fx raw-json", KAFKA_GOAL),
                format(kafkaOverRawJson(), "%.2f"), kafkaOverRawJson().orElse(0) >= KAFKA_GOAL));
        for (String target : CDC4J_TARGETS) {
            checks.add(lagCheck(target));
        }
        for (String target : CDC4J_TARGETS) {
            checks.add(heapCheck(target));
        }
        return checks;
    }

    private Check heapCheck(String target) {
        Optional<TargetResult> run = find(memory, target).filter(TargetResult::complete)
                .filter(result -> result.memory().liveSetBytes() > 0);
        long allowed = memoryQuotaBytes + HEAP_MARGIN_BYTES;
        return new Check(String.format(Locale.ROOT, "%s live heap <= memory_quota %d MiB + %d MiB", target,
                memoryQuotaBytes >> 20, HEAP_MARGIN_BYTES >> 20),
                run.map(result -> (result.memory().liveSetBytes() >> 20) + " MiB").orElse("n/a"),
                run.map(result -> result.memory().liveSetBytes() <= allowed).orElse(false));
    }

    private Check lagCheck(String target) {
        Optional<TargetResult> run = find(lag, target).filter(result -> result.lag().measured());
        return new Check(String.format(Locale.ROOT, "%s lag p99 < %.0f ms at the steady rate", target,
                LAG_P99_GOAL_MILLIS),
                run.map(result -> String.format(Locale.ROOT, "%.1f ms", result.lag().p99Millis())).orElse("n/a"),
                run.map(result -> result.complete() && result.lag().p99Millis() < LAG_P99_GOAL_MILLIS).orElse(false));
    }

    /** Whether cdc4j misses a throughput target, which calls for a profile of its run. */
    public boolean throughputShort() {
        List<Check> checks = checks();
        return !(checks.get(0).met() && checks.get(1).met());
    }

    private OptionalDouble ratio(String numerator, String denominator) {
        Optional<TargetResult> top = find(cold, numerator).filter(TargetResult::complete);
        Optional<TargetResult> bottom = find(cold, denominator).filter(TargetResult::complete);
        if (top.isEmpty() || bottom.isEmpty() || bottom.get().rowsPerSecond() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(top.get().rowsPerSecond() / bottom.get().rowsPerSecond());
    }

    private static Optional<TargetResult> find(List<TargetResult> results, String target) {
        return results.stream().filter(result -> result.target().equals(target)).findFirst();
    }

    private static String format(OptionalDouble value, String pattern) {
        return value.isPresent() ? String.format(Locale.ROOT, pattern + " x", value.getAsDouble()) : "n/a";
    }
}
