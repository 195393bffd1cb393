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
import io.cdc4j.sink.OrderedEncoder;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.mq.ColumnSelection;
import io.cdc4j.sink.mq.EventRouter;
import io.cdc4j.sink.mq.PartitionDispatcher;
import io.cdc4j.sink.mq.UpdateSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
 * rows ordered deletes, updates, inserts ({@link UpdateSplitter}); each row is encoded in the changefeed's protocol
 * (on the encoder threads of an {@link OrderedEncoder}, chunk by chunk, sent in order; batched per partition where
 * the protocol batches) and sent to the topic and partition its dispatcher picks, and a part's completion is called
 * once Kafka has acknowledged every message of it (with {@code required-acks=-1}, every in-sync replica, through the
 * idempotent producer that keeps each partition's order across retries). A DDL goes to its table's topic (partition
 * 0, or every partition where the protocol says so), and at most every {@link #WATERMARK_INTERVAL} a resolved ts goes
 * to every partition of every topic used, as the protocol's watermark. A message above the topic's limit fails the
 * part with {@code CDC:ErrMessageTooLarge}; a failed send fails it with {@code CDC:ErrKafkaAsyncSendMessage}, so the
 * changefeed retries from its checkpoint.
 */
public final class KafkaSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    /** How often, at most, watermarks are sent. */
    static final Duration WATERMARK_INTERVAL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** Rows encoded as one job of the encoder stage. */
    static final int CHUNK_ROWS = 256;
    /** Jobs queued at most: with {@link #CHUNK_ROWS}, about 16,000 rows. */
    private static final int QUEUED_JOBS = 64;

    private final ChangefeedId changefeed;
    private final KafkaSinkOptions options;
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final EventRouter router;
    private final MessageEncoder encoder;
    private final LongSupplier nanoClock;
    private final OrderedEncoder stage;
    private final ColumnSelection columns;
    private final AtomicBoolean watermarkFailed = new AtomicBoolean();
    /** The first part's failure: nothing is sent after it, so no later row or watermark overtakes what it lacked. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long lastWatermarkNanos;
    private long lastWatermarkTs;

    /**
     * @param encoderThreads the threads encoding at once ({@link OrderedEncoder}); 0 encodes and sends on the
     *                       caller's thread
     */
    KafkaSink(ChangefeedId changefeed, KafkaSinkOptions options, Producer<byte[], byte[]> producer,
              Topics topics, EventRouter router, MessageEncoder encoder, LongSupplier nanoClock, int encoderThreads,
              ColumnSelection columns) {
        this.changefeed = Objects.requireNonNull(changefeed, "changefeed");
        this.options = Objects.requireNonNull(options, "options");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.router = Objects.requireNonNull(router, "router");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.columns = Objects.requireNonNull(columns, "columns");
        this.lastWatermarkNanos = nanoClock.getAsLong() - WATERMARK_INTERVAL.toNanos();
        topics.topic(options.topic());
        this.stage = new OrderedEncoder(encoderThreads, QUEUED_JOBS, changefeed.toString().replace('/', '-'));
    }

    @Override
    public void writeRows(RowBatch part, Completion done) {
        if (failure.get() != null) {
            done.failed(afterFailure());
            return;
        }
        List<RowChange> rows;
        try {
            rows = UpdateSplitter.split(NetEffectFolder.fold(part.commitTs(), part.rows()).stream()
                    .flatMap(txn -> txn.rows().stream()).toList()).stream().map(columns::project).toList();
        } catch (CdcException e) {
            done.failed(e);
            return;
        }
        if (rows.isEmpty()) {
            done.done();
            return;
        }
        Acks acks = new Acks(rows.size(), done);
        for (int from = 0; from < rows.size(); from += CHUNK_ROWS) {
            List<Routed> chunk = new ArrayList<>(Math.min(CHUNK_ROWS, rows.size() - from));
            for (RowChange row : rows.subList(from, Math.min(rows.size(), from + CHUNK_ROWS))) {
                EventRouter.Route route = router.route(row.table().name());
                chunk.add(new Routed(row, topics.topic(route.topic()), route.dispatcher()));
            }
            if (!submit(() -> encodeRows(chunk, acks), acks::fail)) {
                return;
            }
        }
    }

    /**
     * Encodes a chunk of a part's rows (on an encoder thread), batched per partition where the protocol batches;
     * returns their sending, or fails on a row too large.
     */
    private Runnable encodeRows(List<Routed> chunk, Acks acks) {
        Map<Target, List<Message>> byTarget = new LinkedHashMap<>();
        for (Routed routed : chunk) {
            RowChange row = routed.row();
            Topics.Topic topic = routed.topic();
            Message message = encoder.row(row);
            if (message.size() > topic.maxMessageBytes()) {
                message = keyOnly(row, message, topic);
            }
            int partition = routed.dispatcher().dispatch(row, topic.partitions()).partition();
            byTarget.computeIfAbsent(new Target(topic, partition), target -> new ArrayList<>()).add(message);
        }
        List<Outgoing> outgoing = new ArrayList<>(chunk.size());
        byTarget.forEach((target, rows) -> {
            for (Message message : encoder.batch(rows, target.topic().maxMessageBytes())) {
                outgoing.add(new Outgoing(record(target.topic().name(), target.partition(), message),
                        message.events()));
            }
        });
        return () -> {
            for (Outgoing message : outgoing) {
                if (acks.finished() || stopped(acks) || !send(message.record(), acks.of(message.events()))) {
                    return;
                }
            }
        };
    }

    /**
     * A row too large for its topic: its handle key alone when {@code handle-key-only} is set and the protocol has
     * such a message that fits, else {@code CDC:ErrMessageTooLarge}.
     */
    private Message keyOnly(RowChange row, Message whole, Topics.Topic topic) {
        String what = "a row of " + row.table().name() + " at commit ts " + row.commitTs();
        if (!options.handleKeyOnlyWhenTooLarge()) {
            throw tooLarge(what, whole, topic);
        }
        Message key = encoder.rowHandleKeyOnly(row).orElseThrow(() -> tooLarge(what, whole, topic));
        if (key.size() > topic.maxMessageBytes()) {
            throw tooLarge(what + " (even with its handle key alone)", key, topic);
        }
        LOG.warn("changefeed {}: {} is a message of {} bytes, above the {} allowed on the topic {}; sent with its"
                + " handle key alone (large_message_handle_option = handle-key-only)", changefeed, what, whole.size(),
                topic.maxMessageBytes(), topic.name());
        return key;
    }

    @Override
    public void endTransaction(long commitTs) {
    }

    @Override
    public void writeDdl(DdlEvent ddl, Completion done) {
        if (failure.get() != null) {
            done.failed(afterFailure());
            return;
        }
        Topics.Topic topic = topics.topic(router.topicOf(ddl));
        int partitions = encoder.ddlToEveryPartition() ? topic.partitions() : 1;
        Acks acks = new Acks(partitions, done);
        submit(() -> {
            Message message = encoder.ddl(ddl);
            if (message.size() > topic.maxMessageBytes()) {
                throw tooLarge("the DDL at commit ts " + ddl.commitTs(), message, topic);
            }
            return () -> {
                for (int partition = 0; partition < partitions; partition++) {
                    if (stopped(acks) || !send(record(topic.name(), partition, message), acks.of(1))) {
                        return;
                    }
                }
            };
        }, acks::fail);
    }

    /**
     * Sends the watermark of {@code resolvedTs} to every partition of every topic used, when one is due: after every
     * row and DDL written before it, as a consumer takes it to mean that nothing older follows.
     */
    @Override
    public void flush(long resolvedTs) {
        long now = nanoClock.getAsLong();
        if (resolvedTs <= lastWatermarkTs || now - lastWatermarkNanos < WATERMARK_INTERVAL.toNanos()) {
            return;
        }
        encoder.watermark(resolvedTs).ifPresent(message -> {
            lastWatermarkNanos = now;
            lastWatermarkTs = resolvedTs;
            submit(() -> () -> {
                if (failure.get() != null) {
                    return;
                }
                for (Topics.Topic topic : topics.known()) {
                    for (int partition = 0; partition < topic.partitions(); partition++) {
                        producer.send(record(topic.name(), partition, message), this::watermarkSent);
                    }
                }
            }, failure -> watermarkSent(null, failure instanceof Exception e ? e : new IllegalStateException(failure)));
        });
    }

    /** Whether an earlier part failed; then {@code acks}' part fails too, and nothing of it is sent. */
    private boolean stopped(Acks acks) {
        if (failure.get() == null) {
            return false;
        }
        acks.fail(afterFailure());
        return true;
    }

    private CdcException afterFailure() {
        Throwable first = failure.get();
        return new CdcException(ErrorCode.KAFKA_ASYNC_SEND, "changefeed " + changefeed + ": not sent to Kafka after"
                + " an earlier part failed: " + first.getMessage(), first);
    }

    /** Hands a job to the encoder stage; false (the part failed) when interrupted meanwhile. */
    private boolean submit(Callable<Runnable> encode, Consumer<Throwable> failed) {
        try {
            stage.submit(encode, failed);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.accept(new CdcException(ErrorCode.KAFKA_ASYNC_SEND, "changefeed " + changefeed
                    + ": interrupted while waiting to encode for Kafka", e));
            return false;
        }
    }

    private void watermarkSent(RecordMetadata metadata, Exception failure) {
        if (failure == null) {
            watermarkFailed.set(false);
        } else if (watermarkFailed.compareAndSet(false, true)) {
            LOG.warn("changefeed {}: a watermark was not sent to Kafka ({}); the next one replaces it", changefeed,
                    failure.toString());
        }
    }

    private boolean send(ProducerRecord<byte[], byte[]> record, Acks.Part acks) {
        try {
            producer.send(record, acks);
            return true;
        } catch (RuntimeException e) {
            acks.fail(sendFailure(record.topic(), record.partition(), e));
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
            stage.close();
            producer.close(CLOSE_TIMEOUT);
        } finally {
            topics.close();
        }
    }

    /** A row with where it goes: its topic and the dispatcher that picks the partition. */
    private record Routed(RowChange row, Topics.Topic topic, PartitionDispatcher dispatcher) {
    }

    /** Calls a completion once every event (row, or DDL copy) of its part is acknowledged, or at the first failure. */
    private final class Acks {
        private final AtomicInteger pending;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final Completion done;

        Acks(int events, Completion done) {
            this.pending = new AtomicInteger(events);
            this.done = done;
        }

        /** The callback of one message carrying {@code events} of them. */
        Part of(int events) {
            return new Part(events);
        }

        void fail(Throwable cause) {
            failure.compareAndSet(null, cause);
            if (finished.compareAndSet(false, true)) {
                done.failed(cause);
            }
        }

        boolean finished() {
            return finished.get();
        }

        /** One message's acknowledgement. */
        final class Part implements Callback {
            private final int events;

            Part(int events) {
                this.events = events;
            }

            @Override
            public void onCompletion(RecordMetadata metadata, Exception failure) {
                if (failure != null) {
                    String topic = metadata == null ? "?" : metadata.topic();
                    int partition = metadata == null ? -1 : metadata.partition();
                    fail(sendFailure(topic, partition, failure));
                } else if (pending.addAndGet(-events) == 0 && finished.compareAndSet(false, true)) {
                    done.done();
                }
            }

            void fail(Throwable cause) {
                Acks.this.fail(cause);
            }
        }
    }

    /** A topic's partition. */
    private record Target(Topics.Topic topic, int partition) {
    }

    /** A record to send and the events (rows) it carries. */
    private record Outgoing(ProducerRecord<byte[], byte[]> record, int events) {
    }
}
