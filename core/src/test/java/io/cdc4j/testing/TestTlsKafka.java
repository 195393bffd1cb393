package io.cdc4j.testing;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft) with a listener that takes clients over TLS only and asks each for a certificate
 * signed by {@link #certificates()}'s CA (the test kit's own listener stays plaintext, for the kit).
 */
public final class TestTlsKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final TestCertificates certificates;
    private final int port;

    private TestTlsKafka(KafkaClusterTestKit cluster, TestCertificates certificates, int port) {
        this.cluster = cluster;
        this.certificates = certificates;
        this.port = port;
    }

    /** Starts the broker with its data under {@code dir}. */
    public static TestTlsKafka start(Path dir) {
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Issued broker = certificates.issue("broker");
        int port = FreePorts.next();
        try {
            TestKitNodes nodes = TestKafkaNodes.nodes(dir, Map.of(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SECURE://localhost:" + port,
                    "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SSL")).build();
            KafkaClusterTestKit cluster = TestKafkaNodes.started(TestKafkaNodes.cluster(nodes)
                    .setConfigProp("ssl.keystore.type", "PEM")
                    .setConfigProp("ssl.keystore.certificate.chain", broker.certificatePem())
                    .setConfigProp("ssl.keystore.key", broker.keyPem())
                    .setConfigProp("ssl.truststore.type", "PEM")
                    .setConfigProp("ssl.truststore.certificates", certificates.caPem())
                    .setConfigProp("listener.name.secure.ssl.client.auth", "required")
                    .build());
            return new TestTlsKafka(cluster, certificates, port);
        } catch (Exception e) {
            throw new IllegalStateException("the TLS test Kafka broker did not start", e);
        }
    }

    /** The CA the broker's certificate is signed by, and that signs the certificates it accepts from clients. */
    public TestCertificates certificates() {
        return certificates;
    }

    /** The TLS listener's address: host:port. */
    public String bootstrap() {
        return "localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
