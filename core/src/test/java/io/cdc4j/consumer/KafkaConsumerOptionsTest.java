package io.cdc4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.SinkProtocol;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import org.junit.jupiter.api.Test;

class KafkaConsumerOptionsTest {
    private static final String DOWNSTREAM = "mysql://root@127.0.0.1:3306/";

    @Test
    void readsTheTopicTheBrokersAndTheGroup() {
        KafkaConsumerOptions options = KafkaConsumerOptions.of("kafka://b1:9092,b2:9092/orders?protocol=canal-json"
                + "&enable-tidb-extension=true&consumer-group-id=g1&partition-num=3&version=2.4.0", DOWNSTREAM);

        assertThat(options.brokers()).isEqualTo("b1:9092,b2:9092");
        assertThat(options.topic()).isEqualTo("orders");
        assertThat(options.protocol()).isEqualTo(SinkProtocol.CANAL_JSON);
        assertThat(options.groupId()).isEqualTo("g1");
        assertThat(options.partitionNum()).isEqualTo(3);
    }

    @Test
    void theConsumerLogsInAsTheSinkDoes() {
        KafkaConsumerOptions options = KafkaConsumerOptions.of("kafka://b1:9092/orders?protocol=open-protocol"
                + "&sasl-mechanism=scram-sha-512&sasl-user=reader&sasl-password=hidden", DOWNSTREAM);
        assertThat(options.sasl()).hasValueSatisfying(sasl -> assertThat(sasl.mechanism()).isEqualTo("SCRAM-SHA-512"));
        assertThat(options.toString()).doesNotContain("hidden");
        assertThat(options.tls()).isEmpty();
        assertThat(KafkaConsumerOptions.of("kafka://b1:9093/orders?protocol=open-protocol&enable-tls=true",
                DOWNSTREAM).tls()).isPresent();
        assertThatThrownBy(() -> KafkaConsumerOptions.of("kafka://b1:9092/orders?protocol=open-protocol"
                + "&sasl-user=reader", DOWNSTREAM)).hasMessageContaining("needs sasl-password");
    }

    @Test
    void withoutAGroupEachRunGetsItsOwn() {
        String uri = "kafka://b1:9092/orders?protocol=canal-json&enable-tidb-extension=true";
        assertThat(KafkaConsumerOptions.of(uri, DOWNSTREAM).groupId()).startsWith("ticdc_kafka_consumer_")
                .isNotEqualTo(KafkaConsumerOptions.of(uri, DOWNSTREAM).groupId());
    }

    @Test
    void whatCannotRestoreTheOrderOrIsNotReadIsRefused() {
        assertRefused("kafka://b1:9092/orders?protocol=canal-json", ErrorCode.SINK_INVALID_CONFIG,
                "enable-tidb-extension=true");
        assertRefused("kafka://b1:9092/orders", ErrorCode.SINK_UNKNOWN_PROTOCOL, "protocol=canal-json");
        assertRefused("kafka://b1:9092/orders?protocol=canal-json&enable-tidb-extension=true&max-batch-size=16",
                ErrorCode.SINK_URI_INVALID, "max-batch-size is not supported yet");
        assertRefused("kafka://b1:9092/orders?protocol=canal-json&enable-tidb-extension=true&nope=1",
                ErrorCode.SINK_URI_INVALID, "unknown kafka-consumer parameter nope");
        assertRefused("mysql://b1:3306/", ErrorCode.SINK_URI_INVALID, "must be a kafka:// URI");
    }

    private static void assertRefused(String uri, ErrorCode code, String message) {
        assertThatThrownBy(() -> KafkaConsumerOptions.of(uri, DOWNSTREAM))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
