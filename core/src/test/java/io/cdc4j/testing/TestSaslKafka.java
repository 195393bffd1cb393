package io.cdc4j.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft) whose clients must log in with SASL over plaintext: PLAIN as {@link #PLAIN_USER},
 * or SCRAM-SHA-256 and SCRAM-SHA-512 as {@link #SCRAM_USER}, whose credentials are created after it starts. While it
 * runs, the JVM's JAAS file is the test kit's.
 */
public final class TestSaslKafka implements AutoCloseable {
    public static final String PLAIN_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    public static final String PLAIN_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    public static final String SCRAM_USER = "scram-user";
    public static final String SCRAM_PASSWORD = "scram \"quoted\" secret";

    private static final String JAAS_PROPERTY = "java.security.auth.login.config";

    private final KafkaClusterTestKit cluster;
    private final String jaasBefore;

    private TestSaslKafka(KafkaClusterTestKit cluster, String jaasBefore) {
        this.cluster = cluster;
        this.jaasBefore = jaasBefore;
    }

    /** Starts the broker with its data under {@code dir}. */
    public static TestSaslKafka start(Path dir) {
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        String jaasBefore = System.getProperty(JAAS_PROPERTY);
        try {
            TestKitNodes nodes = TestKafkaNodes.nodes(dir, Map.of())
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build();
            KafkaClusterTestKit cluster = TestKafkaNodes.started(TestKafkaNodes.cluster(nodes)
                    // the controller's listener is plaintext (anonymous); every client here may do anything
                    .setConfigProp("super.users", "User:ANONYMOUS;User:" + PLAIN_USER + ";User:" + SCRAM_USER)
                    .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512")
                    .setConfigProp("listener.name.external.scram-sha-256.sasl.jaas.config", scram)
                    .setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config", scram)
                    .build());
            TestSaslKafka kafka = new TestSaslKafka(cluster, jaasBefore);
            kafka.createScramUser();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("the SASL test Kafka broker did not start", e);
        }
    }

    private void createScramUser() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap(), "security.protocol",
                "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + PLAIN_USER
                        + "\" password=\"" + PLAIN_PASSWORD + "\";"))) {
            for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SCRAM_USER,
                        new ScramCredentialInfo(mechanism, 4096), SCRAM_PASSWORD))).all().get();
            }
        }
    }

    /** The address clients use: host:port. */
    public String bootstrap() {
        String real = cluster.bootstrapServers();
        return real.substring(real.lastIndexOf('/') + 1);
    }

    /** Stops the broker and takes back the JVM-wide JAAS file the test kit set, which ZooKeeper clients would read. */
    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            if (jaasBefore == null) {
                System.clearProperty(JAAS_PROPERTY);
            } else {
                System.setProperty(JAAS_PROPERTY, jaasBefore);
            }
            Configuration.setConfiguration(null);
        }
    }
}
