package io.cdc4j.bench.targets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The row messages of a canal-json topic (type INSERT, UPDATE or DELETE; not DDL or watermarks), read from its start
 * to its end offsets, and the check that a Kafka changefeed's topic holds the rows it was expected to deliver. The
 * consumer fetches at most a few MiB at a time, so it adds little to the target's memory figures.
 */
final class TopicRows {
    private static final Set<String> ROW_TYPES = Set.of("INSERT", "UPDATE", "DELETE");
    private static final JsonFactory JSON = new JsonFactory();
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int FETCH_BYTES = 4 << 20;

    private TopicRows() {
    }

    /** Fails unless {@code topic} holds at least {@code expected} row messages. */
    static void requireAtLeast(String bootstrap, String topic, long expected) throws IOException {
        long rows = count(bootstrap, topic);
        if (rows < expected) {
            throw new IllegalStateException("the topic " + topic + " holds " + rows + " row messages, "
                    + expected + " expected");
        }
    }

    /** The row messages in {@code topic} up to its end offsets now. */
    static long count(String bootstrap, String topic) throws IOException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long rows = 0;
            while (!partitions.stream().allMatch(p -> consumer.position(p, TIMEOUT) >= ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading the topic " + topic + " took more than " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (ROW_TYPES.contains(type(record.value()))) {
                        rows++;
                    }
                }
            }
            return rows;
        }
    }

    /** The top-level {@code type} of a canal-json message, read no further than that field; "" when it has none. */
    static String type(byte[] message) throws IOException {
        try (JsonParser parser = JSON.createParser(message)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("type")) {
                    return parser.getValueAsString("");
                }
                parser.skipChildren();
            }
            return "";
        }
    }
}
