package io.cdc4j.sink.kafka;

import static io.cdc4j.sink.mysql.Rows.TS;
import static io.cdc4j.sink.mysql.Rows.delete;
import static io.cdc4j.sink.mysql.Rows.insert;
import static io.cdc4j.sink.mysql.Rows.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.MessageEncoders;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.config.SinkProtocol;
import io.cdc4j.consumer.canal.CanalJsonDecoder;
import io.cdc4j.consumer.canal.CanalJsonMessage;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.TableName;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.SinkUri;
import io.cdc4j.sink.mq.ColumnSelection;
import io.cdc4j.sink.mq.EventRouter;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka sink against kafka-clients' own MockProducer (a stand-in for the broker whose acknowledgements the test
 * gives one by one) and fixed topics: a part completes only once every message of it is acknowledged, a failed send
 * fails it, rows are folded and split as TiCDC's consumers expect, DDL and watermarks go where the protocol says.
 */
class KafkaSinkTest {
    private static final ChangefeedId FEED = new ChangefeedId("default", "k");
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final FixedTopics topics = new FixedTopics(Map.of("db-topic", new Topics.Topic("db-topic", 3, 2000)));
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private KafkaSink sink(boolean tidbExtension) {
        KafkaSinkOptions options = KafkaSinkOptions.of(SinkUri.parse("kafka://127.0.0.1:9092/db-topic?protocol="
                + "canal-json&enable-tidb-extension=" + tidbExtension), ReplicaConfig.defaults(), "t");
        EventRouter router = EventRouter.of("db-topic", List.of(), false, false, ZoneOffset.UTC, rule -> { });
        return new KafkaSink(FEED, options, producer, topics, router, MessageEncoders.open(new CodecOptions(
                SinkProtocol.CANAL_JSON, tidbExtension, false, ZoneOffset.UTC), () -> 1L), nanos::get, 0,
                ColumnSelection.of(List.of(), false));
    }

    @Test
    void aPartCompletesOnlyOnceKafkaAcknowledgedEveryMessageOfIt() {
        KafkaSink sink = sink(true);
        Recorded done = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "a"), insert(2, "b"), insert(3, "c"))), done);
        assertThat(producer.history()).hasSize(3);
        producer.completeNext();
        producer.completeNext();
        assertThat(done.outcome).as("two of three acknowledged").isNull();
        producer.completeNext();
        assertThat(done.outcome).isEqualTo("done");
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("db-topic");
        assertThat(producer.history()).extracting(ProducerRecord::partition)
                .as("every row of a table on one partition (default dispatcher)")
                .containsOnly(producer.history().getFirst().partition());
    }

    @Test
    void aBatchedMessageCountsForEveryRowInIt() {
        KafkaSinkOptions options = KafkaSinkOptions.of(SinkUri.parse("kafka://127.0.0.1:9092/db-topic?protocol="
                + "open-protocol&max-batch-size=2"), ReplicaConfig.defaults(), "t");
        EventRouter router = EventRouter.of("db-topic", List.of(), false, false, ZoneOffset.UTC, rule -> { });
        KafkaSink sink = new KafkaSink(FEED, options, producer, topics, router,
                MessageEncoders.open(options.codec(), () -> 1L), nanos::get, 0, ColumnSelection.of(List.of(), false));
        Recorded done = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "a"), insert(2, "b"), insert(3, "c"))), done);
        assertThat(producer.history()).as("two rows in the first message, one in the second").hasSize(2);
        producer.completeNext();
        assertThat(done.outcome).as("two of three rows acknowledged").isNull();
        producer.completeNext();
        assertThat(done.outcome).isEqualTo("done");
        assertThat(done.calls).isEqualTo(1);
    }

    @Test
    void oneFailedSendFailsThePartOnceNamingKafka() {
        KafkaSink sink = sink(true);
        Recorded done = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "a"), insert(2, "b"))), done);
        producer.errorNext(new NotLeaderOrFollowerException("leader moved"));
        producer.completeNext();
        assertThat(done.outcome).isEqualTo("failed");
        assertThat(done.failure).isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode())
                .isEqualTo(ErrorCode.KAFKA_ASYNC_SEND)).hasMessageContaining("leader moved");
        assertThat(done.calls).isEqualTo(1);
    }

    @Test
    void aTransactionsChangesAreFoldedPerKeyAndKeyChangesSplitDeletesFirst() {
        KafkaSink sink = sink(true);
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "a"), update(1, "a", 1, "a2"), update(9, "p", 10, "p"),
                insert(5, "x"), update(5, "x", 6, "x"), insert(7, "gone"), delete(7, "gone"), delete(3, "old"))),
                new Recorded());
        List<String> sent = producer.history().stream().map(record -> {
            CanalJsonMessage.Row row = (CanalJsonMessage.Row) CanalJsonDecoder.decode(record.value());
            return row.type() + " " + row.data().get("id") + "=" + row.data().get("v");
        }).toList();
        assertThat(sent).containsExactly("DELETE 9=p", "DELETE 3=old", "INSERT 1=a2", "INSERT 10=p", "INSERT 6=x");
    }

    @Test
    void aRowAboveTheTopicsLimitFailsThePartAndIsNotSent() {
        KafkaSink sink = sink(true);
        Recorded done = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "v".repeat(3000)))), done);
        assertThat(done.outcome).isEqualTo("failed");
        assertThat(done.failure).isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode())
                .isEqualTo(ErrorCode.MESSAGE_TOO_LARGE)).hasMessageContaining("`db`.`t`")
                .hasMessageContaining("2000");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void afterAFailedPartNothingLaterIsSentSoNoWatermarkPassesWhatItLacked() {
        KafkaSink sink = sink(true);
        Recorded tooLarge = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "v".repeat(3000)))), tooLarge);
        Recorded later = new Recorded();
        sink.writeRows(new RowBatch(TS, 1, List.of(insert(2, "b"))), later);
        Recorded ddl = new Recorded();
        sink.writeDdl(new DdlEvent("db", List.of(new TableName("db", "t")), DdlType.ADD_COLUMN,
                "ALTER TABLE t ADD COLUMN w INT", TS + 2), ddl);
        sink.flush(TS + 3);

        assertThat(tooLarge.outcome).isEqualTo("failed");
        assertThat(later.outcome).isEqualTo("failed");
        assertThat(later.failure).hasMessageContaining("after an earlier part failed")
                .hasMessageContaining("bytes allowed");
        assertThat(ddl.outcome).isEqualTo("failed");
        assertThat(producer.history()).as("no row, DDL or watermark after the failure").isEmpty();
    }

    @Test
    void withHandleKeyOnlyARowAboveTheLimitIsSentWithItsKeyAlone() {
        KafkaSinkOptions options = KafkaSinkOptions.of(SinkUri.parse("kafka://127.0.0.1:9092/db-topic?protocol="
                + "canal-json&enable-tidb-extension=true"), ReplicaConfigJson.decodeOverDefaults("{\"sink\":"
                + "{\"kafka_config\":{\"large_message_handle\":{\"large_message_handle_option\":"
                + "\"handle-key-only\"}}}}"), "t");
        EventRouter router = EventRouter.of("db-topic", List.of(), false, false, ZoneOffset.UTC, rule -> { });
        KafkaSink sink = new KafkaSink(FEED, options, producer, topics, router,
                MessageEncoders.open(options.codec(), () -> 1L), nanos::get, 0, ColumnSelection.of(List.of(), false));
        Recorded done = new Recorded();
        sink.writeRows(new RowBatch(TS, 0, List.of(insert(1, "v".repeat(3000)))), done);
        assertThat(producer.history()).singleElement().satisfies(record -> {
            CanalJsonMessage.Row row = (CanalJsonMessage.Row) CanalJsonDecoder.decode(record.value());
            assertThat(row.onlyHandleKey()).isTrue();
            assertThat(row.data()).containsOnlyKeys("id");
        });
        producer.completeNext();
        assertThat(done.outcome).isEqualTo("done");
    }

    @Test
    void aDdlGoesToPartitionZeroOfItsTablesTopic() {
        KafkaSink sink = sink(true);
        Recorded done = new Recorded();
        sink.writeDdl(new DdlEvent("db", List.of(new TableName("db", "t")), DdlType.ADD_COLUMN,
                "ALTER TABLE t ADD COLUMN w INT", TS + 1), done);
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.partition()).isZero();
            assertThat(CanalJsonDecoder.decode(record.value())).isInstanceOf(CanalJsonMessage.Ddl.class);
        });
        producer.completeNext();
        assertThat(done.outcome).isEqualTo("done");
    }

    @Test
    void watermarksGoToEveryPartitionAtMostEveryIntervalAndOnlyWithTheExtension() {
        KafkaSink sink = sink(true);
        sink.flush(TS);
        assertThat(producer.history()).extracting(ProducerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(CanalJsonDecoder.decode(producer.history().getFirst().value()))
                .isEqualTo(new CanalJsonMessage.Watermark(TS));
        sink.flush(TS + 1);
        assertThat(producer.history()).as("not again within the interval").hasSize(3);
        nanos.addAndGet(KafkaSink.WATERMARK_INTERVAL.toNanos());
        sink.flush(TS + 2);
        assertThat(producer.history()).hasSize(6);
        producer.clear();
        KafkaSink plain = sink(false);
        nanos.addAndGet(KafkaSink.WATERMARK_INTERVAL.toNanos());
        plain.flush(TS + 3);
        assertThat(producer.history()).as("canal-json without the extension has no watermarks").isEmpty();
    }

    /** The completion a test looks at. */
    private static final class Recorded implements Completion {
        private String outcome;
        private Throwable failure;
        private int calls;

        @Override
        public void done() {
            outcome = "done";
            calls++;
        }

        @Override
        public void failed(Throwable cause) {
            outcome = "failed";
            failure = cause;
            calls++;
        }
    }

    /** Topics known up front, as the admin client would have described them. */
    private record FixedTopics(Map<String, Topics.Topic> topics) implements Topics {
        FixedTopics {
            topics = new LinkedHashMap<>(topics);
        }

        @Override
        public Topic topic(String name) {
            return topics.get(name);
        }

        @Override
        public Collection<Topic> known() {
            return topics.values();
        }

        @Override
        public void close() {
        }
    }
}
