package io.cdc4j.bench.targets;

import java.util.List;

/**
 * Every target the benchmark knows, by name.
 */
public final class BenchTargets {
    private BenchTargets() {
    }

    /** All targets, in the order the benchmark runs them. */
    public static List<BenchTarget> all() {
        return List.of(RawBinlogTarget.counting(), RawBinlogTarget.json(), new Cdc4jReaderTarget(),
                DebeziumTarget.counting(), DebeziumTarget.json(), new Cdc4jChangefeedTarget(), new Cdc4jKafkaTarget(),
                new Cdc4jMysqlTarget(1), new Cdc4jMysqlTarget(2), new PlainInsertTarget());
    }

    /** The target called {@code name}. */
    public static BenchTarget byName(String name) {
        return all().stream().filter(target -> target.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + name + "; known: "
                        + all().stream().map(BenchTarget::name).toList()));
    }
}
