package io.cdc4j.consumer;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.mysql.Downstream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdc kafka-consumer}'s work: reads every partition of a topic a changefeed writes, puts the changes back in
 * commit order with the watermarks ({@link ChangeMerger}) and applies them to a MySQL-compatible downstream
 * ({@link MySqlWriter}). The consumer group's offsets are committed only at watermarks every applied change is
 * behind, so a restart resumes at a point where nothing unapplied is skipped (changes after it may be applied again,
 * in order, which leaves the same rows).
 */
public final class KafkaToMySql implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaToMySql.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    /** A watermark's place in its partition. */
    private record Mark(long offset, long ts) {
    }

    private final KafkaConsumerOptions options;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final MySqlWriter writer;
    private final ChangeDecoder decoder;
    private final ChangeMerger merger;
    private final Map<Integer, ArrayDeque<Mark>> marks = new HashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile long appliedTs;

    private KafkaToMySql(KafkaConsumerOptions options, KafkaConsumer<byte[], byte[]> consumer, MySqlWriter writer,
                         int partitions) {
        this.options = options;
        this.consumer = consumer;
        this.writer = writer;
        this.decoder = ChangeDecoders.of(options.protocol());
        this.merger = new ChangeMerger(partitions);
    }

    /**
     * Connects to both ends and places the consumer at the group's committed offsets (the start of each partition
     * for a new group).
     *
     * @throws CdcException KAFKA_INVALID_CONFIG for a missing topic or a partition count other than partition-num,
     *                      KAFKA_NEW_PRODUCER when Kafka does not answer, the MySQL sink's errors for the downstream
     */
    public static KafkaToMySql open(KafkaConsumerOptions options) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(options), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(options.topic(), METADATA_TIMEOUT);
            if (infos.isEmpty()) {
                throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "the topic " + options.topic()
                        + " does not exist on " + options.brokers());
            }
            if (options.partitionNum() > 0 && options.partitionNum() != infos.size()) {
                throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "the topic " + options.topic() + " has "
                        + infos.size() + " partitions, not the " + options.partitionNum() + " partition-num says");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(options.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            MySqlWriter writer = new MySqlWriter(Downstream.openSession(options.downstream()));
            LOG.info("kafka-consumer: reading {} ({} partitions, {}, group {}) into {}", options.topic(),
                    partitions.size(), options.protocol().text(), options.groupId(), options.downstream().address());
            return new KafkaToMySql(options, consumer, writer, partitions.size());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            consumer.close(Duration.ZERO);
            throw new CdcException(ErrorCode.KAFKA_NEW_PRODUCER, "cannot reach the Kafka brokers " + options.brokers()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    private static Properties properties(KafkaConsumerOptions options) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Math.max(ConsumerConfig.DEFAULT_MAX_PARTITION_FETCH_BYTES, Math.min(options.maxMessageBytes(),
                        64 * 1024 * 1024)));
        options.sasl().ifPresent(sasl -> sasl.applyTo(properties));
        options.tls().ifPresent(tls -> tls.applyTo(properties));
        return properties;
    }

    /**
     * Reads and applies until {@link #close} is called.
     *
     * @throws CdcException the first failure (a message that is not of the protocol, a downstream error)
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        try {
            while (!stopping) {
                pollOnce();
                if (System.nanoTime() > nextReport) {
                    nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                    LOG.info("kafka-consumer: applied {} rows and {} DDLs up to ts {}; {} waiting for watermarks, {}"
                            + " replays dropped", writer.rows(), writer.ddls(), appliedTs, merger.waiting(),
                            merger.replays());
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
            writer.close();
            finished.countDown();
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            for (Change change : decode(record)) {
                if (change instanceof Change.Watermark mark) {
                    marks.computeIfAbsent(record.partition(), p -> new ArrayDeque<>())
                            .addLast(new Mark(record.offset(), mark.ts()));
                }
                merger.add(record.partition(), change);
            }
        }
        long resolved = merger.resolvedTs();
        if (resolved <= appliedTs) {
            return;
        }
        writer.apply(merger.drain());
        appliedTs = resolved;
        commitBehind(resolved);
    }

    private List<Change> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return decoder.decode(record.key(), record.value());
        } catch (CdcException e) {
            throw new CdcException(e.errorCode(), "the message at offset " + record.offset() + " of partition "
                    + record.partition() + " of the topic " + options.topic() + ": " + e.getMessage(), e);
        }
    }

    /** Commits, per partition, the offset after its last watermark at or below {@code resolved}. */
    private void commitBehind(long resolved) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        marks.forEach((partition, queue) -> {
            Mark last = null;
            while (!queue.isEmpty() && queue.peekFirst().ts() <= resolved) {
                last = queue.pollFirst();
            }
            if (last != null) {
                offsets.put(new TopicPartition(options.topic(), partition), new OffsetAndMetadata(last.offset() + 1));
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    /** The commit ts everything up to has been applied. */
    public long appliedTs() {
        return appliedTs;
    }

    /** Stops {@link #run} and waits until it has closed both ends. */
    @Override
    public void close() {
        stopping = true;
        if (started.compareAndSet(false, true)) {
            consumer.close(Duration.ZERO);
            writer.close();
            return;
        }
        consumer.wakeup();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
