package io.cdc4j.testing;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) started by a test in process. Its clients reach it
 * through a {@link TcpCut} that the broker advertises as its address, so a test can cut the network to the broker
 * and restore it while the broker keeps its data.
 */
public final class TestKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final TcpCut cut;

    private TestKafka(KafkaClusterTestKit cluster, TcpCut cut) {
        this.cluster = cluster;
        this.cut = cut;
    }

    /** Starts a broker with its data under {@code dir}. */
    public static TestKafka start(Path dir) {
        int advertised = FreePorts.next();
        try {
            KafkaClusterTestKit cluster = TestKafkaNodes.cluster(TestKafkaNodes.nodes(dir,
                    Map.of("advertised.listeners", "EXTERNAL://127.0.0.1:" + advertised)).build()).build();
            cluster.format();
            cluster.startup();
            String real = cluster.bootstrapServers();
            String hostPort = real.substring(real.lastIndexOf('/') + 1);
            int colon = hostPort.lastIndexOf(':');
            TcpCut cut = new TcpCut(advertised, hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
            cluster.waitForReadyBrokers();
            return new TestKafka(cluster, cut);
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not start", e);
        }
    }

    /** The address clients use: host:port. */
    public String bootstrap() {
        return "127.0.0.1:" + cut.port();
    }

    /** An admin client of the broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    /** The network between clients and the broker, to cut and restore. */
    public TcpCut network() {
        return cut;
    }

    @Override
    public void close() throws Exception {
        cut.close();
        cluster.close();
    }
}
