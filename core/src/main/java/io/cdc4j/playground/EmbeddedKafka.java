package io.cdc4j.playground;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka (KRaft: broker and controller in one server) in the playground's JVM, for trying a Kafka
 * changefeed with nothing else installed. Its data is formatted on the first start and kept with the playground's
 * data directory.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts the broker on {@code host:port} (its controller on {@code controllerPort}) and waits until it answers.
     *
     * @throws PlaygroundException when it does not start
     */
    public static EmbeddedKafka start(String host, int port, int controllerPort, Path dir) {
        String bootstrap = host + ":" + port;
        try {
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", Integer.toString(NODE_ID));
            properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
            properties.put("listeners", "PLAINTEXT://" + bootstrap + ",CONTROLLER://" + host + ":" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://" + bootstrap);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("log.dirs", dir.toString());
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            if (!Files.exists(dir.resolve("meta.properties"))) {
                new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(NODE_ID).setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(dir.toString())).setMetadataLogDirectory(dir.toString())
                        .setControllerListenerName("CONTROLLER")
                        .setReleaseVersion(MetadataVersion.latestProduction()).run();
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap);
            kafka.awaitReady();
            return kafka;
        } catch (PlaygroundException e) {
            throw e;
        } catch (Exception e) {
            throw new PlaygroundException("the Kafka broker did not start on " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new PlaygroundException("the Kafka broker on " + bootstrap + " did not answer within "
                    + READY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Where clients connect: {@code host:port}. */
    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
