package io.cdc4j.sink.kafka;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics one Kafka sink writes to, as TiCDC's topic manager keeps them: a topic is looked up on first use and
 * created when missing (with {@code partition-num}, default 3, and {@code replication-factor}) unless
 * {@code auto-create-topic=false}; its partition count is the topic's own, or {@code partition-num} when that is
 * smaller (a larger one is refused); its message limit is {@code max-message-bytes} capped by the topic's
 * {@code max.message.bytes} less 128 bytes.
 */
final class KafkaTopics implements Topics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    /** What TiCDC keeps below the topic's own limit for the record batch around a message. */
    private static final int BATCH_OVERHEAD = 128;

    private final Admin admin;
    private final KafkaSinkOptions options;
    private final String changefeed;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    KafkaTopics(KafkaSinkOptions options, String changefeed) {
        this.options = options;
        this.changefeed = changefeed;
        this.admin = Admin.create(adminProperties(options));
    }

    static Properties adminProperties(KafkaSinkOptions options) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, options.clientId() + "_admin");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) options.readTimeout().toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) (options.readTimeout().toMillis() + options.dialTimeout().toMillis()));
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
                options.dialTimeout().toMillis());
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
                options.dialTimeout().toMillis());
        options.sasl().ifPresent(sasl -> sasl.applyTo(properties));
        options.tls().ifPresent(tls -> tls.applyTo(properties));
        return properties;
    }

    /** Checks that a broker answers, within the dial timeout. */
    void reachBrokers() {
        Collection<Node> nodes = await(admin.describeCluster().nodes(), options.dialTimeout(),
                ErrorCode.KAFKA_NEW_PRODUCER, "cannot reach the Kafka brokers " + options.brokers());
        if (nodes.isEmpty()) {
            throw new CdcException(ErrorCode.KAFKA_NEW_PRODUCER, "the Kafka cluster at " + options.brokers()
                    + " has no brokers");
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws CdcException KAFKA_INVALID_CONFIG for a missing topic that may not be created, or a replication factor
     *                      below the broker's {@code min.insync.replicas}; KAFKA_INVALID_PARTITION_NUM for a
     *                      {@code partition-num} above the topic's count; KAFKA_CREATE_TOPIC or KAFKA_NEW_PRODUCER
     *                      when Kafka does not answer
     */
    @Override
    public Topic topic(String name) {
        Topic known = topics.get(name);
        if (known != null) {
            return known;
        }
        Topic found = lookUp(name);
        topics.put(name, found);
        return found;
    }

    @Override
    public Collection<Topic> known() {
        return topics.values();
    }

    private Topic lookUp(String name) {
        Optional<TopicDescription> description = describe(name);
        if (description.isEmpty()) {
            if (!options.autoCreateTopic()) {
                throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "the topic " + name + " does not exist and"
                        + " auto-create-topic is false: create it, or set auto-create-topic=true");
            }
            create(name);
            description = awaitVisible(name);
        }
        int real = description.get().partitions().size();
        int partitions = real;
        if (options.partitionNum() > real) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_PARTITION_NUM, "partition-num " + options.partitionNum()
                    + " is more than the " + real + " partitions of the topic " + name);
        }
        if (options.partitionNum() > 0 && options.partitionNum() < real) {
            LOG.warn("changefeed {}: the topic {} has {} partitions; only the first {} (partition-num) are used",
                    changefeed, name, real, options.partitionNum());
            partitions = options.partitionNum();
        }
        int limit = topicLimit(name).map(bytes -> Math.min(options.maxMessageBytes(), bytes - BATCH_OVERHEAD))
                .orElse(options.maxMessageBytes());
        LOG.info("changefeed {}: Kafka topic {} with {} partitions, messages up to {} bytes", changefeed, name,
                partitions, limit);
        return new Topic(name, partitions, limit);
    }

    private Optional<TopicDescription> describe(String name) {
        try {
            return Optional.of(admin.describeTopics(List.of(name)).allTopicNames()
                    .get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS).get(name));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failure(ErrorCode.KAFKA_NEW_PRODUCER, "cannot describe the Kafka topic " + name, e.getCause());
        } catch (TimeoutException e) {
            throw failure(ErrorCode.KAFKA_NEW_PRODUCER, "no answer from the Kafka brokers " + options.brokers()
                    + " about the topic " + name + " within read-timeout " + options.readTimeout().toSeconds() + "s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorCode.KAFKA_NEW_PRODUCER, "interrupted while describing the topic " + name, e);
        }
    }

    private void create(String name) {
        int partitions = options.partitionNum() > 0 ? options.partitionNum()
                : KafkaSinkOptions.DEFAULT_CREATED_PARTITIONS;
        checkReplication(name);
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, options.replicationFactor()))).all()
                    .get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("changefeed {}: created the Kafka topic {} ({} partitions, replication factor {})", changefeed,
                    name, partitions, options.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure(ErrorCode.KAFKA_CREATE_TOPIC, "cannot create the Kafka topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure(ErrorCode.KAFKA_CREATE_TOPIC, "creating the Kafka topic " + name + " took longer than"
                    + " read-timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorCode.KAFKA_CREATE_TOPIC, "interrupted while creating the topic " + name, e);
        }
    }

    /** With acks from all in-sync replicas, a topic with fewer replicas than the broker requires takes no write. */
    private void checkReplication(String name) {
        if (options.requiredAcks() != -1) {
            return;
        }
        Collection<Node> nodes = await(admin.describeCluster().nodes(), options.readTimeout(),
                ErrorCode.KAFKA_NEW_PRODUCER, "cannot reach the Kafka brokers " + options.brokers());
        if (nodes.isEmpty()) {
            return;
        }
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
                Integer.toString(nodes.iterator().next().id()));
        Optional<Integer> minInsync = configValue(broker, "min.insync.replicas");
        if (minInsync.isPresent() && options.replicationFactor() < minInsync.get()) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "replication-factor " + options.replicationFactor()
                    + " is below the broker's min.insync.replicas " + minInsync.get() + ": the topic " + name
                    + " would take no write with required-acks=-1");
        }
    }

    private Optional<TopicDescription> awaitVisible(String name) {
        long deadline = System.nanoTime() + options.readTimeout().toNanos();
        while (true) {
            Optional<TopicDescription> description = describe(name);
            if (description.isPresent()) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new CdcException(ErrorCode.KAFKA_CREATE_TOPIC, "the topic " + name + " was created but is not"
                        + " visible within read-timeout");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(ErrorCode.KAFKA_CREATE_TOPIC, "interrupted while waiting for the topic " + name, e);
            }
        }
    }

    private Optional<Integer> topicLimit(String name) {
        return configValue(new ConfigResource(ConfigResource.Type.TOPIC, name), "max.message.bytes");
    }

    private Optional<Integer> configValue(ConfigResource resource, String key) {
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(List.of(resource)).all(),
                options.readTimeout(), ErrorCode.KAFKA_NEW_PRODUCER, "cannot read the configuration of " + resource);
        return Optional.ofNullable(configs.get(resource)).map(config -> config.get(key)).map(ConfigEntry::value)
                .map(Integer::parseInt);
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, Duration timeout, ErrorCode code,
                               String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(code, what, e.getCause());
        } catch (TimeoutException e) {
            throw failure(code, what + " within " + timeout.toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(code, what + ": interrupted", e);
        }
    }

    private static CdcException failure(ErrorCode code, String what, Throwable cause) {
        return new CdcException(code, what + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
