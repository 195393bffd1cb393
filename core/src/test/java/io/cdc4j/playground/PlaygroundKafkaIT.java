package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.TestDirs;
import io.cdc4j.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cdc playground --kafka --demo}: the playground's own broker takes the demo's Kafka changefeed, its topic
 * holds the demo's rows in canal-json with the TiDB extension, and a kept data dir keeps the broker's data too.
 */
class PlaygroundKafkaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir = TestDirs.fresh("kafka-playground");

    @AfterEach
    void removeData() {
        TestDirs.delete(dataDir);
    }

    @Test
    void theDemoWritesToThePlaygroundsBrokerAndAKeptDataDirKeepsTheTopic() throws Exception {
        int[] ports = TestPorts.distinct(5);
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", ports[0], ports[1], ports[2], ports[3], 1,
                Optional.of(dataDir), Optional.of(ports[4]));
        List<String> progress = new ArrayList<>();
        String bootstrap = "127.0.0.1:" + ports[4];
        int seen;

        try (Playground playground = Playground.prepare(config, progress::add)) {
            PlaygroundEndpoints endpoints = playground.start();
            assertThat(endpoints.kafka()).contains(bootstrap);
            assertThat(progress).anyMatch(line -> line.startsWith("starting a Kafka broker on " + ports[4]));
            try (DemoWorkload demo = DemoWorkload.start(endpoints, progress::add);
                 TopicReader topic = new TopicReader(bootstrap, DemoChangefeed.KAFKA_TOPIC)) {
                assertThat(progress).contains("demo: created changefeed " + DemoChangefeed.KAFKA_ID
                        + " from the upstream to " + DemoChangefeed.kafkaSinkUri(bootstrap));
                List<JsonNode> inserts = await().atMost(Duration.ofSeconds(60))
                        .until(() -> rowsOf(topic.poll(), "INSERT"), rows -> rows.size() >= 6);
                JsonNode first = inserts.getFirst();
                assertThat(first.get("database").asText()).isEqualTo(DemoWorkload.SCHEMA);
                assertThat(first.get("table").asText()).isEqualTo(DemoWorkload.TABLE);
                assertThat(first.get("pkNames").get(0).asText()).isEqualTo("id");
                assertThat(first.get("_tidb").get("commitTs").asLong()).isPositive();
                assertThat(first.get("data").get(0).get("customer").asText()).startsWith("customer-");
                seen = inserts.size();
            }
            JsonNode changefeed = Http.get(endpoints.firstCapture(), "/api/v2/changefeeds/" + DemoChangefeed.KAFKA_ID)
                    .json();
            assertThat(changefeed.get("state").asText()).isEqualTo("normal");
        }

        try (Playground again = Playground.prepare(config, progress::add)) {
            again.start();
            try (TopicReader topic = new TopicReader(bootstrap, DemoChangefeed.KAFKA_TOPIC)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> rowsOf(topic.poll(), "INSERT"), rows -> rows.size() >= seen);
            }
        }
    }

    private static List<JsonNode> rowsOf(List<TopicReader.Read> reads, String type) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (TopicReader.Read read : reads) {
            JsonNode message = JSON.readTree(read.value());
            if (message.path("type").asText().equals(type)) {
                rows.add(message);
            }
        }
        return rows;
    }
}
