package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaygroundEndpointsTest {
    private final PlaygroundEndpoints endpoints = new PlaygroundEndpoints("mysql://root@127.0.0.1:4000/",
            "mysql://root@127.0.0.1:3307/", List.of("http://127.0.0.1:8300", "http://127.0.0.1:8301"),
            "127.0.0.1:2181");

    @Test
    void theReadyJsonHasTheFourKeysInOrder() {
        assertThat(endpoints.toJson()).isEqualTo("{\"upstream\":\"mysql://root@127.0.0.1:4000/\","
                + "\"downstream\":\"mysql://root@127.0.0.1:3307/\","
                + "\"captures\":[\"http://127.0.0.1:8300\",\"http://127.0.0.1:8301\"],"
                + "\"zookeeper\":\"127.0.0.1:2181\"}");
    }

    @Test
    void aKafkaBrokerIsTheFifthKeyOnlyWhenOneRuns() {
        PlaygroundEndpoints withKafka = new PlaygroundEndpoints(endpoints.upstream(), endpoints.downstream(),
                endpoints.captures(), endpoints.zookeeper(), Optional.of("127.0.0.1:9092"));

        assertThat(withKafka.toJson()).endsWith(",\"zookeeper\":\"127.0.0.1:2181\",\"kafka\":\"127.0.0.1:9092\"}");
        assertThat(endpoints.toJson()).doesNotContain("kafka");
    }

    @Test
    void theKafkaDemoWritesCanalJsonWithTheTidbExtensionWhichTheConsumerReads() {
        assertThat(DemoChangefeed.kafkaSinkUri("127.0.0.1:9092"))
                .isEqualTo("kafka://127.0.0.1:9092/demo?protocol=canal-json&enable-tidb-extension=true");
    }

    @Test
    void theKafkaBrokerClaimsItsPortAndTheNextForItsController() {
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", 4000, 3307, 2181, 8300, 1, Optional.empty(),
                Optional.of(9092));
        assertThat(config.portClaims()).extracting(PortClaim::flag, PortClaim::port).endsWith(
                tuple("--kafka-port", 9092), tuple("--kafka-port", 9093));
        assertThatThrownBy(new PlaygroundConfig("127.0.0.1", 4000, 3307, 2181, 8300, 1, Optional.empty(),
                Optional.of(65535))::portClaims).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("--kafka-port").hasMessageContaining("Kafka controller");
    }

    @Test
    void aMysqlUriBecomesAJdbcUrl() {
        assertThat(PlaygroundEndpoints.jdbcUrl(endpoints.upstream()))
                .isEqualTo("jdbc:mariadb://127.0.0.1:4000/?user=root");
    }

    @Test
    void theDemoChangefeedTargetsTheDownstream() {
        assertThat(DemoChangefeed.body(DemoChangefeed.ID, endpoints.downstream()))
                .isEqualTo("{\"changefeed_id\":\"playground-demo\",\"sink_uri\":\"mysql://root@127.0.0.1:3307/\"}");
    }

    @Test
    void capturesCountUpFromTheApiPortAndEachPortNamesItsFlag() {
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", 4000, 3307, 2181, 8300, 3, Optional.empty());
        assertThat(config.portClaims()).extracting(PortClaim::flag, PortClaim::port).containsExactly(
                tuple("--upstream-port", 4000),
                tuple("--downstream-port", 3307),
                tuple("--meta-port", 2181),
                tuple("--api-port", 8300),
                tuple("--api-port", 8301),
                tuple("--api-port", 8302));
    }

    @Test
    void apiPortsPastTheLastPortAreRefused() {
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", 4000, 3307, 2181, 65535, 2, Optional.empty());
        assertThatThrownBy(config::portClaims)
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("--api-port");
    }

    @Test
    void atLeastOneCapture() {
        assertThatThrownBy(() -> new PlaygroundConfig("127.0.0.1", 4000, 3307, 2181, 8300, 0, Optional.empty()))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("--captures");
    }
}
