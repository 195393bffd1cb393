package io.cdc4j.bench.targets;

import java.util.List;

/**
 * Every target the benchmark knows, by name. The changefeed runners (cdc4j's HTTP API with a blackhole:// sink,
 * and with a MySQL downstream) join this list once the changefeed pipeline exists.
 */
public final class BenchTargets {
    private BenchTargets() {
    }

    /** All targets, in the order the benchmark runs them. */
    public static List<BenchTarget> all() {
        return List.of(new RawBinlogTarget(), new Cdc4jReaderTarget(), DebeziumTarget.counting(),
                DebeziumTarget.json());
    }

    /** The target called {@code name}. */
    public static BenchTarget byName(String name) {
        return all().stream().filter(target -> target.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + name + "; known: "
                        + all().stream().map(BenchTarget::name).toList()));
    }
}
