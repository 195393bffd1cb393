package io.cdc4j.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every message of one Kafka topic from its start, partition by partition, for a test to look at. */
public final class TopicReader implements AutoCloseable {
    /** One message as it was read. */
    public record Read(int partition, long offset, byte[] key, byte[] value) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Read> read = new ArrayList<>();

    /** A reader of {@code topic}, which must exist. */
    public TopicReader(String bootstrap, String topic) {
        this(bootstrap, topic, Map.of());
    }

    /** A reader of {@code topic} with more client settings (a SASL login). */
    public TopicReader(String bootstrap, String topic, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, after one more poll. */
    public List<Read> poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            read.add(new Read(record.partition(), record.offset(), record.key(), record.value()));
        }
        return List.copyOf(read);
    }

    /** The number of partitions the topic has. */
    public int partitions() {
        return consumer.assignment().size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
