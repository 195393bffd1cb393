package io.cdc4j.sink.kafka;

import io.cdc4j.codec.Message;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.NetEffectFolder;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.mq.EventRouter;
import io.cdc4j.sink.mq.PartitionDispatcher;
import io.cdc4j.sink.mq.UpdateSplitter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sink: each part of a transaction is folded to one change per row key (as a TiDB transaction holds one
 * mutation per key, which TiCDC's consumers rely on), updates of a key are split into a delete and an insert and the
 * rows ordered deletes, updates, inserts ({@link UpdateSplitter}); each row is encoded in the changefeed's protocol and sent to the topic and partition its dispatcher
 * picks, and a part's completion is called once Kafka has acknowledged every message of it (with
 * {@code required-acks=-1}, every in-sync replica, through the idempotent producer that keeps each partition's order
 * across retries). A DDL goes to its table's topic (partition 0, or every partition where the protocol says so), and
 * at most every {@link #WATERMARK_INTERVAL} a resolved ts goes to every partition of every topic used, as the
 * protocol's watermark. A message above the topic's limit fails the part with {@code CDC:ErrMessageTooLarge}; a
 * failed send fails it with {@code CDC:ErrKafkaAsyncSendMessage}, so the changefeed retries from its checkpoint.
 */
public final class KafkaSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    /** How often, at most, watermarks are sent. */
    static final Duration WATERMARK_INTERVAL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final ChangefeedId changefeed;
    private final KafkaSinkOptions options;
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final EventRouter router;
    private final MessageEncoder encoder;
    private final LongSupplier nanoClock;
    private final AtomicBoolean watermarkFailed = new AtomicBoolean();
    private long lastWatermarkNanos;
    private long lastWatermarkTs;

    KafkaSink(ChangefeedId changefeed, KafkaSinkOptions options, Producer<byte[], byte[]> producer,
              Topics topics, EventRouter router, MessageEncoder encoder, LongSupplier nanoClock) {
        this.changefeed = Objects.requireNonNull(changefeed, "changefeed");
        this.options = Objects.requireNonNull(options, "options");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.router = Objects.requireNonNull(router, "router");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.lastWatermarkNanos = nanoClock.getAsLong() - WATERMARK_INTERVAL.toNanos();
        topics.topic(options.topic());
    }

    @Override
    public void writeRows(RowBatch part, Completion done) {
        List<RowChange> rows = UpdateSplitter.split(NetEffectFolder.fold(part.commitTs(), part.rows()).stream()
                .flatMap(txn -> txn.rows().stream()).toList());
        if (rows.isEmpty()) {
            done.done();
            return;
        }
        Acks acks = new Acks(rows.size(), done);
        for (RowChange row : rows) {
            EventRouter.Route route = router.route(row.table().name());
            Topics.Topic topic = topics.topic(route.topic());
            PartitionDispatcher.Dispatch dispatch = route.dispatcher().dispatch(row, topic.partitions());
            Message message = encoder.row(row);
            if (message.size() > topic.maxMessageBytes()) {
                acks.fail(tooLarge("a row of " + row.table().name() + " at commit ts " + row.commitTs(), message,
                        topic));
                return;
            }
            if (!send(topic.name(), dispatch.partition(), message, acks)) {
                return;
            }
        }
    }

    @Override
    public void endTransaction(long commitTs) {
    }

    @Override
    public void writeDdl(DdlEvent ddl, Completion done) {
        Topics.Topic topic = topics.topic(router.topicOf(ddl));
        Message message = encoder.ddl(ddl);
        if (message.size() > topic.maxMessageBytes()) {
            done.failed(tooLarge("the DDL at commit ts " + ddl.commitTs(), message, topic));
            return;
        }
        int partitions = encoder.ddlToEveryPartition() ? topic.partitions() : 1;
        Acks acks = new Acks(partitions, done);
        for (int partition = 0; partition < partitions; partition++) {
            if (!send(topic.name(), partition, message, acks)) {
                return;
            }
        }
    }

    /** Sends the watermark of {@code resolvedTs} to every partition of every topic used, when one is due. */
    @Override
    public void flush(long resolvedTs) {
        long now = nanoClock.getAsLong();
        if (resolvedTs <= lastWatermarkTs || now - lastWatermarkNanos < WATERMARK_INTERVAL.toNanos()) {
            return;
        }
        encoder.watermark(resolvedTs).ifPresent(message -> {
            lastWatermarkNanos = now;
            lastWatermarkTs = resolvedTs;
            for (Topics.Topic topic : topics.known()) {
                for (int partition = 0; partition < topic.partitions(); partition++) {
                    producer.send(record(topic.name(), partition, message), this::watermarkSent);
                }
            }
        });
    }

    private void watermarkSent(RecordMetadata metadata, Exception failure) {
        if (failure == null) {
            watermarkFailed.set(false);
        } else if (watermarkFailed.compareAndSet(false, true)) {
            LOG.warn("changefeed {}: a watermark was not sent to Kafka ({}); the next one replaces it", changefeed,
                    failure.toString());
        }
    }

    private boolean send(String topic, int partition, Message message, Acks acks) {
        try {
            producer.send(record(topic, partition, message), acks);
            return true;
        } catch (RuntimeException e) {
            acks.fail(sendFailure(topic, partition, e));
            return false;
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int partition, Message message) {
        return new ProducerRecord<>(topic, partition, message.key(), message.value());
    }

    private CdcException sendFailure(String topic, int partition, Exception cause) {
        return new CdcException(ErrorCode.KAFKA_ASYNC_SEND, "changefeed " + changefeed + ": sending to the Kafka topic "
                + topic + " partition " + partition + " failed: " + cause, cause);
    }

    private static CdcException tooLarge(String what, Message message, Topics.Topic topic) {
        return new CdcException(ErrorCode.MESSAGE_TOO_LARGE, what + " is a message of " + message.size()
                + " bytes, above the " + topic.maxMessageBytes() + " bytes allowed on the topic " + topic.name()
                + " (max-message-bytes, capped by the topic's max.message.bytes less 128): raise both, or filter the"
                + " table out of the changefeed");
    }

    @Override
    public void close() {
        try {
            producer.close(CLOSE_TIMEOUT);
        } finally {
            topics.close();
        }
    }

    /** Calls a completion once every message of its part is acknowledged, or at the first failure. */
    private final class Acks implements Callback {
        private final AtomicInteger pending;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final Completion done;

        Acks(int messages, Completion done) {
            this.pending = new AtomicInteger(messages);
            this.done = done;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                String topic = metadata == null ? "?" : metadata.topic();
                int partition = metadata == null ? -1 : metadata.partition();
                fail(sendFailure(topic, partition, failure));
            } else if (pending.decrementAndGet() == 0 && finished.compareAndSet(false, true)) {
                done.done();
            }
        }

        void fail(Throwable cause) {
            if (finished.compareAndSet(false, true)) {
                done.failed(cause);
            }
        }
    }
}
