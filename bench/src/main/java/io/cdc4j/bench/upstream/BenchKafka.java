package io.cdc4j.bench.upstream;

import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The Kafka broker the Kafka targets write to: one KRaft node (broker and controller in one) in the benchmark's
 * JVM, its data under the bench work dir, started once per run and closed at its end.
 */
public final class BenchKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private BenchKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker on a free port with its data in {@code workDir}/kafka and waits until it is ready. */
    public static BenchKafka start(Path workDir) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).setBaseDirectory(workDir.resolve("kafka")).build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new BenchKafka(cluster);
    }

    /** Where clients connect: {@code host:port}. */
    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not close", e);
        }
    }
}
