package io.cdc4j.sink.kafka;

import io.cdc4j.codec.MessageEncoders;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.SinkConfig;
import io.cdc4j.config.SinkProtocol;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkProvider;
import io.cdc4j.sink.SinkUri;
import io.cdc4j.sink.mq.ColumnSelection;
import io.cdc4j.sink.mq.EventRouter;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the Kafka sink to the {@link SinkFactory} for {@code kafka://} and {@code kafka+ssl://}: checks its
 * settings, reaches the brokers and the default topic when a changefeed is created (creating the topic, as TiCDC
 * does), and opens it with a producer of its own per changefeed run.
 */
public final class KafkaSinkOpener implements SinkFactory.Opener, SinkProvider {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSinkOpener.class);
    /** How long the producer waits to fill a batch. */
    private static final int LINGER_MS = 5;
    private static final int BATCH_BYTES = 256 * 1024;

    @Override
    public Set<String> schemes() {
        return KafkaSinkOptions.SCHEMES;
    }

    @Override
    public SinkFactory.Opener opener() {
        return this;
    }

    @Override
    public Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config) {
        KafkaSinkOptions options = KafkaSinkOptions.of(uri, config, clientIdSuffix(changefeed));
        EventRouter router = router(options, config, changefeed);
        KafkaTopics topics = new KafkaTopics(options, changefeed.toString());
        Producer<byte[], byte[]> producer = null;
        try {
            producer = new KafkaProducer<>(producerProperties(options), new ByteArraySerializer(),
                    new ByteArraySerializer());
            Sink sink = new KafkaSink(changefeed, options, producer, topics, router,
                    MessageEncoders.open(options.codec(), System::currentTimeMillis), System::nanoTime,
                    encoderThreads(config), columns(config));
            LOG.info("changefeed {}: Kafka sink to {} (topic {}, protocol {}, acks {})", changefeed,
                    options.brokers(), options.topic(), options.codec().protocol().text(), options.requiredAcks());
            return sink;
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            topics.close();
            throw e;
        }
    }

    /** {@code sink.encoder_concurrency} (TiCDC's default 32), at most one thread per core, since more only contend. */
    static int encoderThreads(ReplicaConfig config) {
        int wanted = config.sink().encoderConcurrency().orElse(SinkConfig.DEFAULT_ENCODER_CONCURRENCY);
        return Math.max(1, Math.min(wanted, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void check(SinkUri uri, ReplicaConfig config) {
        KafkaSinkOptions options = KafkaSinkOptions.of(uri, config, "check");
        router(options, config, new ChangefeedId("default", "check"));
        columns(config);
    }

    private static ColumnSelection columns(ReplicaConfig config) {
        return ColumnSelection.of(config.sink().columnSelectors(), config.caseSensitive());
    }

    @Override
    public void probe(SinkUri uri, ReplicaConfig config) {
        KafkaSinkOptions options = KafkaSinkOptions.of(uri, config, "probe");
        try (KafkaTopics topics = new KafkaTopics(options, "(being created)")) {
            topics.reachBrokers();
            topics.topic(options.topic());
        }
    }

    private static EventRouter router(KafkaSinkOptions options, ReplicaConfig config, ChangefeedId changefeed) {
        return EventRouter.of(options.topic(), config.sink().dispatchers(), config.caseSensitive(),
                options.codec().protocol() == SinkProtocol.AVRO, options.codec().timeZone(),
                rule -> LOG.warn("changefeed {}: the partition rule '{}' is unknown; its tables are dispatched by"
                        + " table", changefeed, rule));
    }

    private static String clientIdSuffix(ChangefeedId changefeed) {
        return changefeed.namespace() + "_" + changefeed.id();
    }

    static Properties producerProperties(KafkaSinkOptions options) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, options.clientId());
        boolean all = options.requiredAcks() == -1;
        properties.put(ProducerConfig.ACKS_CONFIG, all ? "all" : "1");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, all);
        // Without idempotence, one request in flight per connection keeps a partition's order across retries.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, all ? 5 : 1);
        properties.put(ProducerConfig.RETRIES_CONFIG, all ? Math.max(1, options.maxRetry()) : options.maxRetry());
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, options.compression());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.min(BATCH_BYTES, options.maxMessageBytes()));
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(options.maxMessageBytes(), BATCH_BYTES) + 1024);
        int write = (int) options.writeTimeout().toMillis();
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, write);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, write + LINGER_MS);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, options.dialTimeout().toMillis());
        properties.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, options.dialTimeout().toMillis());
        properties.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, options.dialTimeout().toMillis());
        options.sasl().ifPresent(sasl -> sasl.applyTo(properties));
        options.tls().ifPresent(tls -> tls.applyTo(properties));
        return properties;
    }
}
