package io.cdc4j.testing;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** What the tests' single-node KRaft brokers share: one node, broker and controller in one, and one replica of all. */
final class TestKafkaNodes {
    private TestKafkaNodes() {
    }

    /** The kit's nodes with their data under {@code dir}; {@code perServer} goes to node 0's configuration. */
    static TestKitNodes.Builder nodes(Path dir, Map<String, String> perServer) {
        TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).setBaseDirectory(dir);
        return perServer.isEmpty() ? nodes : nodes.setPerServerProperties(Map.of(0, perServer));
    }

    /** A kit with single-replica internal topics and no topic created by a client's request. */
    static KafkaClusterTestKit.Builder cluster(TestKitNodes nodes) {
        return new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false");
    }

    /** Formats and starts the kit and waits for its broker. */
    static KafkaClusterTestKit started(KafkaClusterTestKit cluster) throws Exception {
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }
}
