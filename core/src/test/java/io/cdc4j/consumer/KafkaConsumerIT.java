package io.cdc4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.Tso;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.sink.mysql.RandomWorkload;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.SchemaDiff;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TestKafka;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round trip TiCDC users run: a seeded random workload with DDL on a real MariaDB, a changefeed to a real Kafka
 * broker, and {@code cdc kafka-consumer}'s reader applying the topic to a second MariaDB, which ends identical row by
 * row; also when the consumer is stopped mid-way and started again in the same group.
 */
class KafkaConsumerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final long SEED = 20_261_205L;
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static EmbeddedMariaDb downstream;
    private static TestKafka kafka;
    private static CdcServer server;
    private static String base;

    @BeforeAll
    static void start() {
        dataDir = TestDirs.fresh("kafka-consumer-it");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        downstream = EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("downstream"), Optional.empty()));
        kafka = TestKafka.start(dataDir.resolve("kafka"));
        server = InProcessServers.owningUpstream(dataDir.resolve("server"), upstream.mysqlUri(), DEADLINE);
        base = InProcessServers.baseUrl(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        kafka.close();
        downstream.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void aRandomWorkloadWithDdlThroughKafkaEndsIdenticalAlsoAcrossAConsumerRestart() throws Exception {
        String topic = "round-trip";
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"round-trip\","
                + "\"sink_uri\":\"kafka://" + kafka.bootstrap() + "/" + topic + "?protocol=canal-json"
                + "&enable-tidb-extension=true&partition-num=3\",\"replica_config\":{\"filter\":{\"rules\":"
                + "[\"trip.*\"]},\"sink\":{\"dispatchers\":[{\"matcher\":[\"trip.types\",\"trip.accounts\"],"
                + "\"partition\":\"index-value\"}]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String upstreamUri = "kafka://" + kafka.bootstrap() + "/" + topic + "?protocol=canal-json"
                + "&enable-tidb-extension=true&consumer-group-id=trip-group";
        KafkaConsumerOptions options = KafkaConsumerOptions.of(upstreamUri, downstream.mysqlUri());
        RandomWorkload workload = new RandomWorkload("trip", SEED);
        try (Connection connection = upstream.connect()) {
            workload.create(connection);
            workload.transactions(connection, 150);
            KafkaToMySql first = KafkaToMySql.open(options);
            CompletableFuture<Void> firstRun = CompletableFuture.runAsync(first::run);
            workload.ddl(connection);
            workload.transactions(connection, 100);
            awaitApplied(first, Tso.fromInstant(Instant.now()), firstRun);
            first.close();
            firstRun.join();

            workload.transactions(connection, 100);
            workload.bigTransaction(connection, 20_000);
            workload.transactions(connection, 50);
        }
        applyAllAndCompare(options, "trip");
    }

    /** Runs a consumer until it applied everything committed so far, then compares the schema on both sides. */
    private static void applyAllAndCompare(KafkaConsumerOptions options, String schema) throws Exception {
        long committed = Tso.fromInstant(Instant.now());
        try (KafkaToMySql consumer = KafkaToMySql.open(options)) {
            CompletableFuture<Void> run = CompletableFuture.runAsync(consumer::run);
            awaitApplied(consumer, committed, run);
            try (Connection left = upstream.connect(); Connection right = downstream.connect()) {
                assertThat(SchemaDiff.firstDifference(left, right, schema)).as("first difference").isEmpty();
            }
        }
    }

    @Test
    void anOpenProtocolTopicOfBatchedRowsAndKeyOnlyDeletesEndsIdenticalToo() throws Exception {
        String topic = "open-trip";
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"open-trip\","
                + "\"sink_uri\":\"kafka://" + kafka.bootstrap() + "/" + topic + "?protocol=open-protocol"
                + "&partition-num=3&max-batch-size=8\",\"replica_config\":{\"filter\":{\"rules\":"
                + "[\"opentrip.*\"]},\"sink\":{\"delete_only_output_handle_key_columns\":true,"
                + "\"dispatchers\":[{\"matcher\":[\"opentrip.*\"],"
                + "\"partition\":\"index-value\"}]}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        KafkaConsumerOptions options = KafkaConsumerOptions.of("kafka://" + kafka.bootstrap() + "/" + topic
                + "?protocol=open-protocol&consumer-group-id=open-group", downstream.mysqlUri());
        RandomWorkload workload = new RandomWorkload("opentrip", SEED + 1);
        try (Connection connection = upstream.connect()) {
            workload.create(connection);
            workload.transactions(connection, 150);
            workload.ddl(connection);
            workload.transactions(connection, 100);
            workload.bigTransaction(connection, 5_000);
            workload.transactions(connection, 50);
        }
        applyAllAndCompare(options, "opentrip");
    }

    @Test
    void theConsumerRefusesWhatItCannotOrder() {
        String broker = "kafka://" + kafka.bootstrap() + "/t?protocol=";
        assertThat(refusal(broker + "canal-json")).contains("enable-tidb-extension");
        assertThat(refusal(broker + "avro&enable-tidb-extension=true")).contains("does not read avro");
        assertThat(refusal(broker + "canal-json&enable-tidb-extension=true&bogus=1")).contains("bogus");
        assertThat(refusal("mysql://root@127.0.0.1:3306/")).contains("kafka://");
    }

    private static String refusal(String upstreamUri) {
        try {
            KafkaConsumerOptions.of(upstreamUri, downstream.mysqlUri());
            return "accepted";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static void awaitApplied(KafkaToMySql consumer, long ts, CompletableFuture<Void> run) {
        await("the consumer applies everything up to " + ts).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (run.isDone()) {
                        run.join();
                    }
                    return consumer.appliedTs() >= ts;
                });
    }
}
