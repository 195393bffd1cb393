package io.cdc4j.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.consumer.Change;
import io.cdc4j.consumer.canal.CanalJsonDecoder;
import io.cdc4j.consumer.canal.CanalJsonMessage;
import io.cdc4j.consumer.open.OpenProtocolChangeDecoder;
import io.cdc4j.model.Tso;
import io.cdc4j.playground.CdcBinlog;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TestKafka;
import io.cdc4j.testing.TestCertificates;
import io.cdc4j.testing.TestSaslKafka;
import io.cdc4j.testing.TestTlsKafka;
import io.cdc4j.testing.TopicReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changefeeds to a real Kafka broker in canal-json, created over the API of a real server reading a real MariaDB:
 * every message decoded with the decoder written from the format's description; per key the changes arrive in the
 * order the upstream committed them, on one partition; DDL on partition 0, watermarks on every partition after the
 * rows they cover; a row too large for the topic stops the changefeed naming it; a cut network to the broker shows a
 * warning, holds the checkpoint and loses nothing; settings cdc4j does not act on are refused with a 400.
 */
class KafkaSinkIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final long SEED = 20_261_204L;
    private static Path dataDir;
    private static EmbeddedMariaDb upstream;
    private static TestKafka kafka;
    private static CdcServer server;
    private static String base;

    @BeforeAll
    static void start() {
        dataDir = TestDirs.fresh("kafka-sink-it");
        upstream = EmbeddedMariaDb.start(new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(),
                dataDir.resolve("upstream"), Optional.of(new CdcBinlog(1))));
        kafka = TestKafka.start(dataDir.resolve("kafka"));
        server = InProcessServers.owningUpstream(dataDir.resolve("server"), upstream.mysqlUri(), DEADLINE);
        base = InProcessServers.baseUrl(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        kafka.close();
        upstream.close();
        TestDirs.delete(dataDir);
    }

    @Test
    void everyKeysChangesArriveInCommitOrderOnOnePartitionWithDdlAndWatermarks() throws Exception {
        sql("CREATE DATABASE k1", "CREATE TABLE k1.items (id INT PRIMARY KEY, name VARCHAR(20), qty INT)");
        create("orders", "kafka://" + kafka.bootstrap() + "/k1-topic?protocol=canal-json&enable-tidb-extension=true"
                + "&partition-num=3", "k1", ",\"sink\":{\"dispatchers\":[{\"matcher\":[\"k1.items\"],"
                + "\"partition\":\"index-value\"}]}");
        Map<Integer, List<String>> expected = keyedWorkload("k1");
        long committed = Tso.fromInstant(Instant.now());
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k1-topic")) {
            assertThat(reader.partitions()).isEqualTo(3);
            List<TopicReader.Read> messages = await("every partition has a watermark past the workload")
                    .atMost(DEADLINE).until(reader::poll, read -> watermarkedPast(read, 3, committed));
            Map<Integer, List<String>> actual = new TreeMap<>();
            Map<Integer, Integer> partitionOf = new HashMap<>();
            List<CanalJsonMessage.Ddl> ddls = new ArrayList<>();
            Map<Integer, Long> watermark = new HashMap<>();
            Map<Integer, Long> lastRowTs = new HashMap<>();
            for (TopicReader.Read read : messages) {
                CanalJsonMessage message = CanalJsonDecoder.decode(read.value());
                switch (message) {
                    case CanalJsonMessage.Watermark mark -> {
                        assertThat(mark.ts()).as("watermarks rise on partition %d", read.partition())
                                .isGreaterThanOrEqualTo(watermark.getOrDefault(read.partition(), 0L));
                        watermark.put(read.partition(), mark.ts());
                    }
                    case CanalJsonMessage.Ddl ddl -> {
                        assertThat(read.partition()).as("canal-json DDL goes to partition 0").isZero();
                        ddls.add(ddl);
                    }
                    case CanalJsonMessage.Row row -> {
                        long ts = row.commitTs().orElseThrow();
                        assertThat(ts).as("a row after a watermark on partition %d is newer", read.partition())
                                .isGreaterThan(watermark.getOrDefault(read.partition(), 0L));
                        assertThat(ts).as("rows of one partition in commit order")
                                .isGreaterThanOrEqualTo(lastRowTs.getOrDefault(read.partition(), 0L));
                        lastRowTs.put(read.partition(), ts);
                        assertThat(row.pkNames()).containsExactly("id");
                        assertThat(row.mysqlTypes()).containsEntry("id", "int").containsEntry("name", "varchar");
                        Map<String, String> image = row.data();
                        int id = Integer.parseInt(image.get("id"));
                        assertThat(partitionOf.putIfAbsent(id, read.partition())).as("key %d stays on one partition",
                                id).isIn(null, read.partition());
                        actual.computeIfAbsent(id, k -> new ArrayList<>()).add(row.type() + " " + image.get("name")
                                + "|" + image.get("qty"));
                        if (row.type().equals("UPDATE")) {
                            assertThat(row.old().orElseThrow()).containsEntry("id", image.get("id"))
                                    .containsEntry("name", image.get("name"));
                        }
                    }
                }
            }
            assertThat(actual).as("per key, the changes the upstream committed, in order").isEqualTo(expected);
            assertThat(ddls).singleElement().satisfies(ddl -> {
                assertThat(ddl.type()).isEqualTo("ALTER");
                assertThat(ddl.schema()).isEqualTo("k1");
                assertThat(ddl.table()).isEqualTo("items");
                assertThat(ddl.query()).contains("ADD COLUMN note");
            });
            assertThat(new TreeSet<>(partitionOf.values())).as("index-value spreads keys over partitions")
                    .hasSizeGreaterThan(1);
        }
        await("the checkpoint passes the workload").atMost(DEADLINE)
                .until(() -> changefeed("orders").path("checkpoint_ts").asLong() >= committed);
        remove("orders");
    }

    @Test
    void openProtocolKeepsEveryKeysOrderInBatchesWithItsDdlOnEveryPartitionAndResolvedEvents() throws Exception {
        sql("CREATE DATABASE k6", "CREATE TABLE k6.items (id INT PRIMARY KEY, name VARCHAR(20), qty INT)");
        create("open-orders", "kafka://" + kafka.bootstrap() + "/k6-topic?protocol=open-protocol&partition-num=3"
                + "&max-batch-size=4", "k6", ",\"sink\":{\"dispatchers\":[{\"matcher\":[\"k6.items\"],"
                + "\"partition\":\"index-value\"}]}");
        Map<Integer, List<String>> expected = keyedWorkload("k6");
        long committed = Tso.fromInstant(Instant.now());
        OpenProtocolChangeDecoder decoder = new OpenProtocolChangeDecoder();
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k6-topic")) {
            List<TopicReader.Read> messages = await("every partition has a resolved event past the workload")
                    .atMost(DEADLINE).until(reader::poll, reads -> resolvedPast(decoder, reads, 3, committed));
            Map<Integer, List<String>> actual = new TreeMap<>();
            Map<Integer, Integer> partitionOf = new HashMap<>();
            Map<Integer, Long> resolved = new HashMap<>();
            Map<Integer, Long> lastRowTs = new HashMap<>();
            List<Integer> ddlPartitions = new ArrayList<>();
            int batched = 0;
            for (TopicReader.Read read : messages) {
                List<Change> changes = decoder.decode(read.key(), read.value());
                if (changes.size() > 1) {
                    batched++;
                }
                for (Change change : changes) {
                    switch (change) {
                        case Change.Watermark mark -> {
                            assertThat(mark.ts()).as("resolved ts rise on partition %d", read.partition())
                                    .isGreaterThanOrEqualTo(resolved.getOrDefault(read.partition(), 0L));
                            resolved.put(read.partition(), mark.ts());
                        }
                        case Change.Ddl ddl -> {
                            assertThat(ddl.query()).contains("ADD COLUMN note");
                            assertThat(ddl.schema()).isEqualTo("k6");
                            ddlPartitions.add(read.partition());
                        }
                        case Change.Row row -> {
                            assertThat(row.ts()).as("a row after a resolved event on partition %d is newer",
                                    read.partition()).isGreaterThan(resolved.getOrDefault(read.partition(), 0L));
                            assertThat(row.ts()).as("rows of one partition in commit order")
                                    .isGreaterThanOrEqualTo(lastRowTs.getOrDefault(read.partition(), 0L));
                            lastRowTs.put(read.partition(), row.ts());
                            assertThat(row.keyColumns()).containsExactly("id");
                            Map<String, String> image = new HashMap<>();
                            row.columns().forEach(column -> image.put(column.name(), column.value()));
                            int id = Integer.parseInt(image.get("id"));
                            assertThat(partitionOf.putIfAbsent(id, read.partition()))
                                    .as("key %d stays on one partition", id).isIn(null, read.partition());
                            actual.computeIfAbsent(id, k -> new ArrayList<>()).add(row.kind() + " "
                                    + image.get("name") + "|" + image.get("qty"));
                        }
                    }
                }
            }
            assertThat(actual).as("per key, the changes the upstream committed, in order").isEqualTo(expected);
            assertThat(ddlPartitions).as("the DDL on every partition, once").containsExactlyInAnyOrder(0, 1, 2);
            assertThat(batched).as("rows of a transaction to one partition share messages").isPositive();
        }
        remove("open-orders");
    }

    private static boolean resolvedPast(OpenProtocolChangeDecoder decoder, List<TopicReader.Read> reads,
                                        int partitions, long ts) {
        Set<Integer> past = new TreeSet<>();
        for (TopicReader.Read read : reads) {
            for (Change change : decoder.decode(read.key(), read.value())) {
                if (change instanceof Change.Watermark mark && mark.ts() >= ts) {
                    past.add(read.partition());
                }
            }
        }
        return past.size() == partitions;
    }

    /**
     * Random inserts, updates, key changes and deletes of {@code schema.items} in 120 transactions (a column added
     * half way) and a row inserted and updated in one transaction; returns, per key, the changes a consumer must see.
     */
    private static Map<Integer, List<String>> keyedWorkload(String schema) throws SQLException {
        Map<Integer, List<String>> expected = new TreeMap<>();
        Map<Integer, String> live = new HashMap<>();
        Random random = new Random(SEED);
        int nextId = 1;
        try (Connection connection = upstream.connect()) {
            connection.setAutoCommit(false);
            for (int txn = 0; txn < 120; txn++) {
                if (txn == 60) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ALTER TABLE " + schema + ".items ADD COLUMN note VARCHAR(10) DEFAULT 'n'");
                    }
                }
                Set<Integer> touched = new TreeSet<>();
                int ops = 1 + random.nextInt(4);
                try (Statement statement = connection.createStatement()) {
                    for (int op = 0; op < ops; op++) {
                        List<Integer> candidates = live.keySet().stream().filter(id -> !touched.contains(id))
                                .sorted().toList();
                        int choice = candidates.isEmpty() ? 0 : random.nextInt(4);
                        if (choice == 0) {
                            int id = nextId++;
                            String row = "name-" + id + "|" + random.nextInt(1000);
                            statement.execute("INSERT INTO " + schema + ".items (id, name, qty) VALUES (" + id + ", '"
                                    + row.split("\\|")[0] + "', " + row.split("\\|")[1] + ")");
                            live.put(id, row);
                            expected.computeIfAbsent(id, k -> new ArrayList<>()).add("INSERT " + row);
                            touched.add(id);
                        } else {
                            int id = candidates.get(random.nextInt(candidates.size()));
                            touched.add(id);
                            if (choice == 1) {
                                statement.execute("DELETE FROM " + schema + ".items WHERE id = " + id);
                                expected.get(id).add("DELETE " + live.remove(id));
                            } else if (choice == 2) {
                                int qty = random.nextInt(1000);
                                statement.execute("UPDATE " + schema + ".items SET qty = " + qty + " WHERE id = " + id);
                                String row = live.get(id).split("\\|")[0] + "|" + qty;
                                live.put(id, row);
                                expected.get(id).add("UPDATE " + row);
                            } else {
                                int moved = nextId++;
                                statement.execute("UPDATE " + schema + ".items SET id = " + moved + " WHERE id = "
                                        + id);
                                String row = live.remove(id);
                                live.put(moved, row);
                                touched.add(moved);
                                expected.get(id).add("DELETE " + row);
                                expected.computeIfAbsent(moved, k -> new ArrayList<>()).add("INSERT " + row);
                            }
                        }
                    }
                }
                connection.commit();
            }
            try (Statement statement = connection.createStatement()) {
                int id = nextId++;
                statement.execute("INSERT INTO " + schema + ".items (id, name, qty) VALUES (" + id + ", 'twice', 1)");
                statement.execute("UPDATE " + schema + ".items SET qty = 2 WHERE id = " + id);
                connection.commit();
                expected.computeIfAbsent(id, k -> new ArrayList<>()).add("INSERT twice|2");
            }
        }
        return expected;
    }

    @Test
    void valuesOfEveryColumnTypeAreShownAsTiCdcShowsThem() throws Exception {
        sql("CREATE DATABASE k2", "CREATE TABLE k2.types (id BIGINT UNSIGNED PRIMARY KEY, i INT, bu BIGINT UNSIGNED,"
                + " d DECIMAL(10,2), f FLOAT, db DOUBLE, dt DATETIME(3), dd DATE, tm TIME, y YEAR, b BIT(5),"
                + " e ENUM('a','b'), s SET('x','y'), vc VARCHAR(20), vb VARBINARY(8), t TEXT, bl BLOB, j JSON,"
                + " n INT NULL)");
        create("types", "kafka://" + kafka.bootstrap() + "/k2-topic?protocol=canal-json&enable-tidb-extension=true",
                "k2", "");
        sql("INSERT INTO k2.types VALUES (18446744073709551615, -7, 18446744073709551615, 1.50, 1.5, 1234567.5,"
                + " '2024-05-20 01:02:03.123', '2024-05-20', '01:02:03', 2024, b'101', 'b', 'x,y', 'caf\u00e9',"
                + " x'0141', 'text', x'00ff', '{\"k\": [1, 2]}', NULL)");
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k2-topic")) {
            CanalJsonMessage.Row row = await("the row arrives").atMost(DEADLINE).until(() -> reader.poll().stream()
                    .map(read -> CanalJsonDecoder.decode(read.value()))
                    .filter(CanalJsonMessage.Row.class::isInstance).map(CanalJsonMessage.Row.class::cast)
                    .findFirst(), Optional::isPresent).orElseThrow();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("id", "18446744073709551615");
            expected.put("i", "-7");
            expected.put("bu", "18446744073709551615");
            expected.put("d", "1.50");
            expected.put("f", "1.5");
            expected.put("db", "1234567.5");
            expected.put("dt", "2024-05-20 01:02:03.123");
            expected.put("dd", "2024-05-20");
            expected.put("tm", "01:02:03");
            expected.put("y", "2024");
            expected.put("b", "5");
            expected.put("e", "2");
            expected.put("s", "3");
            expected.put("vc", "caf\u00e9");
            expected.put("vb", "\u0001A");
            expected.put("t", "text");
            expected.put("bl", "\u0000\u00ff");
            expected.put("j", "{\"k\": [1, 2]}");
            expected.put("n", null);
            assertThat(row.data()).isEqualTo(expected);
            assertThat(row.mysqlTypes()).containsEntry("bu", "bigint unsigned").containsEntry("e", "enum")
                    .containsEntry("vb", "varbinary").containsEntry("bl", "blob").containsEntry("j", "json");
            assertThat(row.sqlTypes()).containsEntry("i", 4).containsEntry("d", 3).containsEntry("vb", 2004)
                    .containsEntry("t", 2005).containsEntry("dt", 93);
        }
        remove("types");
    }

    @Test
    void aRowAboveTheMessageLimitStopsTheChangefeedNamingIt() throws Exception {
        sql("CREATE DATABASE k3", "CREATE TABLE k3.big (id INT PRIMARY KEY, body TEXT)");
        create("big", "kafka://" + kafka.bootstrap() + "/k3-topic?protocol=canal-json&max-message-bytes=1024",
                "k3", "");
        sql("INSERT INTO k3.big VALUES (1, 'small')");
        long beforeBig = Tso.fromInstant(Instant.now());
        await("the small row is delivered").atMost(DEADLINE)
                .until(() -> changefeed("big").path("checkpoint_ts").asLong() >= beforeBig);
        sql("INSERT INTO k3.big VALUES (2, '" + "x".repeat(4000) + "')");
        JsonNode failing = await("the changefeed reports the large message").atMost(DEADLINE)
                .until(() -> changefeed("big"), feed -> feed.path("error").path("message").asText()
                        .contains("CDC:ErrMessageTooLarge"));
        assertThat(failing.path("error").path("message").asText()).contains("`k3`.`big`").contains("1024");
        assertThat(failing.path("checkpoint_ts").asLong()).as("the checkpoint stays before the large row")
                .isLessThan(Tso.fromInstant(Instant.now()));
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k3-topic")) {
            await().atMost(DEADLINE).until(() -> reader.poll().size() >= 1);
            assertThat(reader.poll()).allSatisfy(read -> assertThat(new String(read.value())).doesNotContain("xxxx"));
        }
        remove("big");
    }

    @Test
    void aCutNetworkToTheBrokerWarnsHoldsTheCheckpointAndLosesNothing() throws Exception {
        sql("CREATE DATABASE k4", "CREATE TABLE k4.events (id INT PRIMARY KEY, v INT)");
        create("cut", "kafka://" + kafka.bootstrap() + "/k4-topic?protocol=canal-json&enable-tidb-extension=true"
                + "&write-timeout=3s&dial-timeout=3s&read-timeout=3s", "k4", "");
        for (int id = 1; id <= 50; id++) {
            sql("INSERT INTO k4.events VALUES (" + id + ", 0)");
        }
        long beforeCut = Tso.fromInstant(Instant.now());
        await().atMost(DEADLINE).until(() -> changefeed("cut").path("checkpoint_ts").asLong() >= beforeCut);
        kafka.network().cut();
        try {
            for (int id = 51; id <= 100; id++) {
                sql("INSERT INTO k4.events VALUES (" + id + ", 0)");
            }
            await("the changefeed warns while the broker is unreachable").atMost(DEADLINE)
                    .until(() -> changefeed("cut").path("state").asText().equals("warning"));
            long held = changefeed("cut").path("checkpoint_ts").asLong();
            await("the checkpoint holds while the broker is unreachable").during(Duration.ofSeconds(25))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> changefeed("cut").path("checkpoint_ts").asLong() == held);
        } finally {
            kafka.network().restore();
        }
        long afterCut = Tso.fromInstant(Instant.now());
        await("the changefeed catches up once the broker is back").atMost(DEADLINE)
                .until(() -> changefeed("cut").path("checkpoint_ts").asLong() >= afterCut);
        assertThat(changefeed("cut").path("state").asText()).isEqualTo("normal");
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k4-topic")) {
            Set<String> ids = await("every row is in the topic").atMost(DEADLINE).until(() -> rowIds(reader.poll()),
                    found -> found.size() == 100);
            assertThat(ids).hasSize(100);
        }
        remove("cut");
    }

    @Test
    void aBrokerAskingForSaslIsWrittenToWithPlainAndScramAndAWrongPasswordIsRefused() throws Exception {
        sql("CREATE DATABASE k7", "CREATE TABLE k7.t (id INT PRIMARY KEY, v VARCHAR(10))");
        try (TestSaslKafka sasl = TestSaslKafka.start(dataDir.resolve("sasl-kafka"))) {
            String broker = "kafka://" + sasl.bootstrap() + "/";
            Http.Response refused = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"sasl-wrong\","
                    + "\"sink_uri\":\"" + broker + "k7-wrong?protocol=canal-json&sasl-user=" + TestSaslKafka.PLAIN_USER
                    + "&sasl-password=not-the-password&dial-timeout=3s&read-timeout=3s\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("error_code").asText()).isEqualTo("CDC:ErrKafkaNewProducer");
            assertThat(refused.body()).containsIgnoringCase("authentic").doesNotContain("not-the-password");

            create("sasl-plain", broker + "k7-plain?protocol=canal-json&sasl-user=" + TestSaslKafka.PLAIN_USER
                    + "&sasl-password=" + TestSaslKafka.PLAIN_PASSWORD, "k7", "");
            create("sasl-scram", broker + "k7-scram?protocol=canal-json&sasl-mechanism=SCRAM-SHA-512&sasl-user="
                    + TestSaslKafka.SCRAM_USER + "&sasl-password=" + URLEncoder.encode(TestSaslKafka.SCRAM_PASSWORD,
                    StandardCharsets.UTF_8).replace("+", "%20"), "k7", "");
            sql("INSERT INTO k7.t VALUES (1, 'through')");
            Map<String, Object> login = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                            + TestSaslKafka.PLAIN_USER + "\" password=\"" + TestSaslKafka.PLAIN_PASSWORD + "\";");
            for (String topic : List.of("k7-plain", "k7-scram")) {
                try (TopicReader reader = new TopicReader(sasl.bootstrap(), topic, login)) {
                    CanalJsonMessage.Row row = await("the row reaches " + topic).atMost(DEADLINE)
                            .until(() -> reader.poll().stream().map(read -> CanalJsonDecoder.decode(read.value()))
                                    .filter(CanalJsonMessage.Row.class::isInstance)
                                    .map(CanalJsonMessage.Row.class::cast).findFirst(), Optional::isPresent)
                            .orElseThrow();
                    assertThat(row.data()).containsEntry("v", "through");
                }
            }
            JsonNode listed = Http.get(base, "/api/v2/changefeeds/sasl-scram").json();
            assertThat(listed.toString()).as("the password never shows").doesNotContain("quoted");
            remove("sasl-plain");
            remove("sasl-scram");
        }
    }

    @Test
    void aBrokerTakingOnlyTlsIsWrittenToWithCaCertAndKeyAndAStrangersCertificateIsRefused() throws Exception {
        sql("CREATE DATABASE k8", "CREATE TABLE k8.t (id INT PRIMARY KEY, v VARCHAR(10))");
        try (TestTlsKafka tls = TestTlsKafka.start(dataDir.resolve("tls-kafka"))) {
            Path files = dataDir.resolve("tls-files");
            TestCertificates.Issued client = tls.certificates().issue("client");
            Path ca = TestCertificates.write(files.resolve("ca.pem"), tls.certificates().caPem());
            Path cert = TestCertificates.write(files.resolve("client.pem"), client.certificatePem());
            Path key = TestCertificates.write(files.resolve("client.key"), client.keyPem());
            TestCertificates.Issued stranger = new TestCertificates().issue("client");
            Path strangerCert = TestCertificates.write(files.resolve("stranger.pem"), stranger.certificatePem());
            Path strangerKey = TestCertificates.write(files.resolve("stranger.key"), stranger.keyPem());
            String broker = "kafka+ssl://" + tls.bootstrap() + "/";

            Http.Response refused = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"tls-stranger\","
                    + "\"sink_uri\":\"" + broker + "k8-x?protocol=canal-json&ca=" + ca + "&cert=" + strangerCert
                    + "&key=" + strangerKey + "&dial-timeout=3s&read-timeout=3s\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("error_code").asText()).isEqualTo("CDC:ErrKafkaNewProducer");

            create("tls", broker + "k8-topic?protocol=canal-json&ca=" + ca + "&cert=" + cert + "&key=" + key, "k8",
                    "");
            sql("INSERT INTO k8.t VALUES (1, 'sealed')");
            Map<String, Object> login = Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM",
                    "ssl.truststore.certificates", tls.certificates().caPem(), "ssl.keystore.type", "PEM",
                    "ssl.keystore.certificate.chain", client.certificatePem(), "ssl.keystore.key", client.keyPem());
            try (TopicReader reader = new TopicReader(tls.bootstrap(), "k8-topic", login)) {
                CanalJsonMessage.Row row = await("the row arrives over TLS").atMost(DEADLINE)
                        .until(() -> reader.poll().stream().map(read -> CanalJsonDecoder.decode(read.value()))
                                .filter(CanalJsonMessage.Row.class::isInstance)
                                .map(CanalJsonMessage.Row.class::cast).findFirst(), Optional::isPresent)
                        .orElseThrow();
                assertThat(row.data()).containsEntry("v", "sealed");
            }
            remove("tls");
        }
    }

    @Test
    void columnSelectorsSendTheSelectedColumnsAndATableWhoseKeyIsLeftOutFailsTheChangefeed() throws Exception {
        sql("CREATE DATABASE k9", "CREATE TABLE k9.kept (id INT PRIMARY KEY, secret VARCHAR(10), note VARCHAR(10),"
                + " nick VARCHAR(10))", "CREATE TABLE k9.keyless (id INT PRIMARY KEY, v VARCHAR(10))");
        create("selected", "kafka://" + kafka.bootstrap() + "/k9-topic?protocol=open-protocol", "k9",
                ",\"sink\":{\"column_selectors\":[{\"matcher\":[\"k9.kept\"],\"columns\":[\"*\",\"!secret\","
                        + "\"!n*\",\"NICK\"]},{\"matcher\":[\"k9.keyless\"],\"columns\":[\"v\"]}],"
                        + "\"dispatchers\":[{\"matcher\":[\"k9.*\"],\"partition\":\"index-value\"}]}");
        sql("INSERT INTO k9.kept VALUES (1, 'hidden', 'gone', 'shown')", "DELETE FROM k9.kept WHERE id = 1");
        OpenProtocolChangeDecoder decoder = new OpenProtocolChangeDecoder();
        try (TopicReader reader = new TopicReader(kafka.bootstrap(), "k9-topic")) {
            List<Change.Row> rows = await("the insert and the delete arrive").atMost(DEADLINE).until(() -> {
                List<Change.Row> found = new ArrayList<>();
                for (TopicReader.Read read : reader.poll()) {
                    decoder.decode(read.key(), read.value()).stream().filter(Change.Row.class::isInstance)
                            .map(Change.Row.class::cast).forEach(found::add);
                }
                return found;
            }, found -> found.size() == 2);
            for (Change.Row row : rows) {
                assertThat(row.columns()).extracting(Change.Column::name).as("the last matching pattern decides,"
                        + " without case").containsExactlyInAnyOrder("id", "nick");
                assertThat(row.keyColumns()).containsExactly("id");
            }
        }
        sql("INSERT INTO k9.keyless VALUES (1, 'x')");
        JsonNode failed = await("the changefeed stops on the keyless selection").atMost(DEADLINE)
                .until(() -> changefeed("selected"), info -> info.path("error").path("code").asText()
                        .equals("CDC:ErrColumnSelectorFailed"));
        assertThat(failed.path("error").path("message").asText()).contains("k9").contains("keyless")
                .contains("no whole primary or unique key");
        remove("selected");
    }

    @Test
    void settingsCdc4jDoesNotActOnAreRefusedWithA400() throws Exception {
        sql("CREATE DATABASE k5", "CREATE TABLE k5.t (id INT PRIMARY KEY)");
        String broker = "kafka://" + kafka.bootstrap();
        assertRefused(broker + "/k5?protocol=debezium", "CDC:ErrSinkUnknownProtocol", "debezium");
        assertRefused(broker + "/k5", "CDC:ErrSinkUnknownProtocol", "protocol");
        assertRefused(broker + "/?protocol=canal-json", "CDC:ErrKafkaInvalidConfig", "no topic");
        assertRefused(broker + "/k5?protocol=canal-json&sasl-mechanism=gssapi&sasl-user=u&sasl-password=secret",
                "CDC:ErrSinkInvalidConfig", "GSSAPI");
        assertRefused(broker + "/k5?protocol=canal-json&required-acks=2", "CDC:ErrKafkaInvalidConfig",
                "required-acks");
        assertRefused(broker + "/k5?protocol=canal-json&no-such-option=1", "CDC:ErrSinkURIInvalid", "no-such-option");
        assertRefused(broker + "/absent?protocol=canal-json&auto-create-topic=false", "CDC:ErrKafkaInvalidConfig",
                "absent");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("two", 2, (short) 1))).all().get();
        }
        assertRefused(broker + "/two?protocol=canal-json&partition-num=4", "CDC:ErrKafkaInvalidPartitionNum",
                "partition-num 4");
        assertRefused("kafka://127.0.0.1:" + FreePorts.next() + "/k5?protocol=canal-json&dial-timeout=1s",
                "CDC:ErrKafkaNewProducer", "cannot reach");
        Http.Response columns = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"columns\","
                + "\"sink_uri\":\"" + broker + "/k5?protocol=canal-json\",\"replica_config\":{\"filter\":{\"rules\":"
                + "[\"k5.*\"]},\"sink\":{\"column_selectors\":[{\"matcher\":[\"k5.*\"],\"columns\":"
                + "[\"/unclosed\"]}]}}}");
        assertThat(columns.status()).as(columns.body()).isEqualTo(400);
        assertThat(columns.json().path("error_code").asText()).isEqualTo("CDC:ErrColumnSelectorFailed");
        assertThat(columns.json().path("error_msg").asText()).contains("/unclosed");
        assertThat(Http.get(base, "/api/v2/changefeeds").json().path("items").toString()).doesNotContain("k5");
    }

    private static void assertRefused(String sinkUri, String code, String named) {
        Http.Response refused = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"refused\","
                + "\"sink_uri\":\"" + sinkUri + "\",\"replica_config\":{\"filter\":{\"rules\":[\"k5.*\"]}}}");
        assertThat(refused.status()).as(sinkUri + ": " + refused.body()).isEqualTo(400);
        assertThat(refused.json().path("error_code").asText()).as(sinkUri).isEqualTo(code);
        assertThat(refused.json().path("error_msg").asText()).as(sinkUri).contains(named).doesNotContain("secret");
    }

    private static Set<String> rowIds(List<TopicReader.Read> reads) {
        Set<String> ids = new TreeSet<>();
        for (TopicReader.Read read : reads) {
            if (CanalJsonDecoder.decode(read.value()) instanceof CanalJsonMessage.Row row) {
                ids.add(row.data().get("id"));
            }
        }
        return ids;
    }

    /** Whether every one of {@code partitions} holds a watermark at or past {@code ts}. */
    private static boolean watermarkedPast(List<TopicReader.Read> reads, int partitions, long ts) {
        Set<Integer> past = new TreeSet<>();
        for (TopicReader.Read read : reads) {
            if (CanalJsonDecoder.decode(read.value()) instanceof CanalJsonMessage.Watermark mark && mark.ts() >= ts) {
                past.add(read.partition());
            }
        }
        return past.size() == partitions;
    }

    private static void create(String id, String sinkUri, String schema, String more) {
        Http.Response created = Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\","
                + "\"sink_uri\":\"" + sinkUri + "\",\"replica_config\":{\"filter\":{\"rules\":[\"" + schema
                + ".*\"]}" + more + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static void remove(String id) {
        assertThat(Http.send("DELETE", base, "/api/v2/changefeeds/" + id, null).status()).isEqualTo(200);
    }

    private static JsonNode changefeed(String id) {
        return Http.get(base, "/api/v2/changefeeds/" + id).json();
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = upstream.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
