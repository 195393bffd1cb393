package io.cdc4j.bench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTargetsTest {
    private static List<String> names(List<BenchTarget> targets) {
        return targets.stream().map(BenchTarget::name).toList();
    }

    @Test
    void onlyTheKafkaChangefeedNeedsTheBrokerAndTheSlowTargetsRunInTheFirstRoundOnly() {
        List<BenchTarget> all = BenchTargets.all();
        assertThat(names(all.stream().filter(BenchTarget::needsKafka).toList())).containsExactly("cdc4j-kafka");
        assertThat(names(all.stream().filter(BenchTarget::firstRoundOnly).toList()))
                .containsExactly("cdc4j-kafka", "cdc4j-mysql", "cdc4j-mysql-2captures", "insert");
    }

    @Test
    void theJsonCeilingIsTheRawClientsWithoutALagRun() {
        assertThat(BenchTargets.byName("raw").measuresLag()).isTrue();
        assertThat(BenchTargets.byName("raw-json").measuresLag()).isFalse();
        assertThat(BenchTargets.byName("cdc4j-kafka").measuresLag()).isTrue();
        assertThat(BenchTargets.byName("cdc4j-kafka").measuresLiveSet()).isTrue();
    }

    @Test
    void aLagRunsSpanKeepsTheDownstreamAndTheBroker() {
        WorkloadSpan span = new WorkloadSpan(10, 20, 3306, "localhost:9092").at(30);
        assertThat(span).isEqualTo(new WorkloadSpan(30, 30, 3306, "localhost:9092"));
    }
}
