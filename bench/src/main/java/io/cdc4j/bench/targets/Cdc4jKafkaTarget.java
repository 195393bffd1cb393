package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;

/**
 * cdc4j as a server with a changefeed to {@code kafka://} the bench's broker, in canal-json with the TiDB extension,
 * to a topic of its own per run (3 partitions, created by the sink); rows are counted once Kafka has acknowledged
 * them. Done when the checkpoint passes the workload's end, then the topic must hold at least the rows expected.
 */
public final class Cdc4jKafkaTarget implements BenchTarget {
    private static final String PARAMETERS = "?protocol=canal-json&enable-tidb-extension=true&partition-num=3";

    @Override
    public String name() {
        return "cdc4j-kafka";
    }

    @Override
    public String description() {
        return "cdc4j server, changefeed -> kafka:// (canal-json)";
    }

    @Override
    public boolean measuresLag() {
        return true;
    }

    @Override
    public boolean measuresLiveSet() {
        return true;
    }

    @Override
    public boolean needsKafka() {
        return true;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        String bootstrap = setup.span().kafkaBootstrap();
        String topic = "bench-" + setup.workDir().getFileName();
        return ChangefeedSession.open(setup, arrivals, "kafka", "kafka://" + bootstrap + "/" + topic + PARAMETERS,
                () -> TopicRows.requireAtLeast(bootstrap, topic, arrivals.expected()));
    }
}
