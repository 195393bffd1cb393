package io.cdc4j.bench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.bench.measure.LagSummary;
import io.cdc4j.bench.measure.MemoryFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianRunTest {
    private static TargetResult run(String target, double seconds, String error) {
        return new TargetResult(target, "cold", 1000, 1000, seconds, 0.1, new MemoryFigures(1, 1, 0, 1), LagSummary.NONE,
                error);
    }

    @Test
    void theMiddleRunOfTheTargetCounts() {
        List<TargetResult> runs = List.of(run("cdc4j", 3, ""), run("raw", 0.5, ""), run("cdc4j", 1, ""),
                run("cdc4j", 2, ""));
        assertThat(MedianRun.of(runs, "cdc4j").seconds()).isEqualTo(2);
        assertThat(MedianRun.of(runs, "raw").seconds()).isEqualTo(0.5);
    }

    @Test
    void ofAnEvenNumberTheSlowerMiddleOneCountsAndFailuresAreSlowest() {
        List<TargetResult> runs = List.of(run("cdc4j", 1, ""), run("cdc4j", 2, ""), run("cdc4j", 0.1, "timed out"),
                run("cdc4j", 4, ""));
        assertThat(MedianRun.of(runs, "cdc4j").seconds()).isEqualTo(4);
        assertThatThrownBy(() -> MedianRun.of(runs, "debezium")).isInstanceOf(IllegalArgumentException.class);
    }
}
