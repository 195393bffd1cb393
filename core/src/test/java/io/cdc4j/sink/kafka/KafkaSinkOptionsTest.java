package io.cdc4j.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.SinkUri;
import io.cdc4j.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSinkOptionsTest {
    private static KafkaSinkOptions of(String uri) {
        return KafkaSinkOptions.of(SinkUri.parse(uri), ReplicaConfig.defaults(), "127.0.0.1:8300_default_feed");
    }

    private static KafkaSinkOptions of(String uri, String configJson) {
        return KafkaSinkOptions.of(SinkUri.parse(uri), ReplicaConfigJson.decodeOverDefaults(configJson), "suffix");
    }

    @Test
    void defaultsAreTiCdcs() {
        KafkaSinkOptions options = of("kafka://b1:9092,b2:9093/orders?protocol=canal-json");
        assertThat(options.brokers()).isEqualTo("b1:9092,b2:9093");
        assertThat(options.topic()).isEqualTo("orders");
        assertThat(options.partitionNum()).isZero();
        assertThat(options.replicationFactor()).isEqualTo((short) 1);
        assertThat(options.maxMessageBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(options.requiredAcks()).isEqualTo(-1);
        assertThat(options.autoCreateTopic()).isTrue();
        assertThat(options.compression()).isEqualTo("none");
        assertThat(options.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.clientId()).isEqualTo("TiCDC_producer_127.0.0.1_8300_default_feed");
        assertThat(options.codec().enableTidbExtension()).isFalse();
    }

    @Test
    void uriParametersWinOverTheirKafkaConfigTwins() {
        KafkaSinkOptions options = of("kafka://b:9092/t?protocol=canal-json&partition-num=6&compression=lz4",
                "{\"sink\":{\"kafka_config\":{\"partition_num\":2,\"max_message_bytes\":4096,\"compression\":\"gzip\","
                        + "\"codec_config\":{\"enable_tidb_extension\":true}}}}");
        assertThat(options.partitionNum()).isEqualTo(6);
        assertThat(options.compression()).isEqualTo("lz4");
        assertThat(options.maxMessageBytes()).isEqualTo(4096);
        assertThat(options.codec().enableTidbExtension()).isTrue();
    }

    @Test
    void theProducerIsIdempotentWithAllAcksAndKeepsOrderWithOne() {
        Properties all = KafkaSinkOpener.producerProperties(of("kafka://b:9092/t?protocol=canal-json"));
        assertThat(all).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
        Properties leader = KafkaSinkOpener.producerProperties(of("kafka://b:9092/t?protocol=canal-json"
                + "&required-acks=1&compression=zstd"));
        assertThat(leader).containsEntry("acks", "1").containsEntry("enable.idempotence", false)
                .containsEntry("max.in.flight.requests.per.connection", 1).containsEntry("compression.type", "zstd");
    }

    @Test
    void anUnknownCompressionIsSentUncompressedAsTiCdcDoes() {
        assertThat(of("kafka://b:9092/t?protocol=canal-json&compression=brotli").compression()).isEqualTo("none");
    }

    @Test
    void wrongAndUnsupportedSettingsAreRefusedNamingThem() {
        refused("kafka://b:9092/?protocol=canal-json", ErrorCode.KAFKA_INVALID_CONFIG, "no topic");
        refused("kafka:///t?protocol=canal-json", ErrorCode.SINK_URI_INVALID, "no broker");
        refused("kafka://b/t?protocol=canal-json", ErrorCode.SINK_URI_INVALID, "no port");
        refused("kafka://b:9092/bad topic?protocol=canal-json", ErrorCode.SINK_URI_INVALID, "space");
        refused("kafka://b:9092/t", ErrorCode.SINK_UNKNOWN_PROTOCOL, "protocol");
        refused("kafka://b:9092/t?protocol=avro", ErrorCode.SINK_UNKNOWN_PROTOCOL, "not supported");
        refused("kafka://b:9092/t?protocol=canal-json&required-acks=0", ErrorCode.SINK_INVALID_CONFIG,
                "required-acks=0");
        refused("kafka://b:9092/t?protocol=canal-json&required-acks=3", ErrorCode.KAFKA_INVALID_CONFIG,
                "required-acks");
        refused("kafka://b:9092/t?protocol=canal-json&kafka-client-id=a:b", ErrorCode.KAFKA_INVALID_CONFIG,
                "kafka-client-id");
        refused("kafka://b:9092/t?protocol=canal-json&kafka-version=latest", ErrorCode.KAFKA_INVALID_CONFIG,
                "kafka-version");
        refused("kafka://b:9092/t?protocol=canal-json&enable-tls=true&insecure-skip-verify=true",
                ErrorCode.SINK_INVALID_CONFIG, "insecure-skip-verify");
        refused("kafka://b:9092/t?protocol=canal-json&max-message-bytes=0", ErrorCode.SINK_URI_INVALID,
                "max-message-bytes");
        refused("kafka://b:9092/t?protocol=canal-json&content-compatible=true", ErrorCode.SINK_URI_INVALID,
                "content-compatible");
        refused("kafka://b:9092/t?protocol=canal-json&worker-count=2", ErrorCode.SINK_URI_INVALID, "worker-count");
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=canal-json", "{\"sink\":{\"kafka_config\":"
                + "{\"output_raw_change_event\":true}}}")).hasMessageContaining("output_raw_change_event");
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=canal-json", "{\"sink\":{\"kafka_config\":"
                + "{\"sasl_password\":\"secret\"}}}")).hasMessageContaining("SASL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=canal-json", "{\"force_replicate\":true,\"sink\":"
                + "{\"delete_only_output_handle_key_columns\":true}}"))
                .hasMessageContaining("delete_only_output_handle_key_columns").hasMessageContaining("force_replicate");
        assertThat(of("kafka://b:9092/t?protocol=open-protocol", "{\"sink\":"
                + "{\"delete_only_output_handle_key_columns\":true}}").codec().deleteOnlyHandleKeyColumns()).isTrue();
    }

    @Test
    void saslPlainAndScramLogInAndNothingShowsThePassword() {
        KafkaSinkOptions plain = of("kafka://b:9092/t?protocol=canal-json&sasl-user=cdc&sasl-password=s%22cr3t");
        assertThat(plain.sasl()).hasValueSatisfying(sasl -> {
            assertThat(sasl.mechanism()).as("PLAIN when none is named").isEqualTo("PLAIN");
            assertThat(sasl.password()).isEqualTo("s\"cr3t");
        });
        assertThat(plain.toString()).doesNotContain("cr3t");
        assertThat(KafkaSinkOpener.producerProperties(plain)).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN").containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"cdc\""
                                + " password=\"s\\\"cr3t\";");
        assertThat(KafkaTopics.adminProperties(plain)).containsEntry("sasl.mechanism", "PLAIN");
        KafkaSinkOptions scram = of("kafka://b:9092/t?protocol=canal-json", "{\"sink\":{\"kafka_config\":"
                + "{\"sasl_mechanism\":\"scram-sha-256\",\"sasl_user\":\"u\",\"sasl_password\":\"p\"}}}");
        assertThat(KafkaSinkOpener.producerProperties(scram)).containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat(jaas.toString())
                        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required"));
        assertThat(of("kafka://b:9092/t?protocol=canal-json").sasl()).isEmpty();

        refused("kafka://b:9092/t?protocol=canal-json&sasl-user=cdc", ErrorCode.KAFKA_INVALID_CONFIG,
                "needs sasl-password");
        refused("kafka://b:9092/t?protocol=canal-json&sasl-password=hidden", ErrorCode.KAFKA_INVALID_CONFIG,
                "needs sasl-user");
        refused("kafka://b:9092/t?protocol=canal-json&sasl-mechanism=md5&sasl-user=u&sasl-password=p",
                ErrorCode.KAFKA_INVALID_CONFIG, "sasl-mechanism 'md5'");
        refused("kafka://b:9092/t?protocol=canal-json&sasl-mechanism=GSSAPI&sasl-user=u&sasl-password=p",
                ErrorCode.SINK_INVALID_CONFIG, "GSSAPI is not supported by cdc4j yet");
        refused("kafka://b:9092/t?protocol=canal-json&sasl-gssapi-realm=R", ErrorCode.SINK_INVALID_CONFIG,
                "sasl-gssapi-realm");
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=canal-json", "{\"sink\":{\"kafka_config\":"
                + "{\"sasl_oauth_client_id\":\"id\"}}}")).hasMessageContaining("OAUTHBEARER");
    }

    @Test
    void tlsReadsThePemFilesAndRefusesWhatKafkasClientCouldNotUse(@TempDir Path dir) throws Exception {
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Issued client = certificates.issue("client");
        Path ca = TestCertificates.write(dir.resolve("ca.pem"), certificates.caPem());
        Path cert = TestCertificates.write(dir.resolve("c.pem"), client.certificatePem());
        Path key = TestCertificates.write(dir.resolve("c.key"), client.keyPem());
        String files = "&ca=" + ca + "&cert=" + cert + "&key=" + key;

        KafkaSinkOptions tls = of("kafka+ssl://b:9093/t?protocol=canal-json" + files);
        assertThat(KafkaSinkOpener.producerProperties(tls)).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.type", "PEM").containsEntry("ssl.truststore.location", ca.toString())
                .containsEntry("ssl.keystore.certificate.chain", client.certificatePem())
                .containsEntry("ssl.keystore.key", client.keyPem());
        assertThat(tls.toString()).doesNotContain("PRIVATE KEY");
        assertThat(KafkaTopics.adminProperties(of("kafka://b:9093/t?protocol=canal-json&sasl-user=u&sasl-password=p"
                + files))).as("SASL over TLS").containsEntry("security.protocol", "SASL_SSL");
        assertThat(KafkaSinkOpener.producerProperties(of("kafka://b:9093/t?protocol=canal-json&enable-tls=true")))
                .as("the JVM's trusted roots").containsEntry("security.protocol", "SSL")
                .doesNotContainKey("ssl.truststore.location");
        assertThat(of("kafka+ssl://b:9093/t?protocol=canal-json").tls()).as("+ssl alone is cosmetic").isEmpty();

        refused("kafka://b:9093/t?protocol=canal-json&ca=" + ca, ErrorCode.KAFKA_INVALID_CONFIG,
                "must be given together");
        refused("kafka://b:9093/t?protocol=canal-json&enable-tls=false" + files, ErrorCode.KAFKA_INVALID_CONFIG,
                "enable-tls=false");
        refused("kafka://b:9093/t?protocol=canal-json&ca=" + dir.resolve("none.pem") + "&cert=" + cert + "&key="
                + key, ErrorCode.KAFKA_INVALID_CONFIG, "cannot read the ca file");
        Path rsa = TestCertificates.write(dir.resolve("rsa.key"), client.keyPem()
                .replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                .replace("END PRIVATE KEY", "END RSA PRIVATE KEY"));
        refused("kafka://b:9093/t?protocol=canal-json&ca=" + ca + "&cert=" + cert + "&key=" + rsa,
                ErrorCode.KAFKA_INVALID_CONFIG, "openssl pkcs8 -topk8");
        refused("kafka://b:9093/t?protocol=canal-json&ca=" + ca + "&cert=" + key + "&key=" + key,
                ErrorCode.KAFKA_INVALID_CONFIG, "holds no PEM CERTIFICATE");
    }

    @Test
    void largeMessagesMayBeSentWithTheirHandleKeyAloneOnly() {
        String handle = "{\"sink\":{\"kafka_config\":{\"large_message_handle\":{\"large_message_handle_option\":";
        assertThat(of("kafka://b:9092/t?protocol=open-protocol", handle + "\"handle-key-only\"}}}}")
                .handleKeyOnlyWhenTooLarge()).isTrue();
        assertThat(of("kafka://b:9092/t?protocol=open-protocol").handleKeyOnlyWhenTooLarge()).isFalse();
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=open-protocol", handle + "\"claim-check\","
                + "\"claim_check_storage_uri\":\"file:///tmp/cc\"}}}}")).hasMessageContaining("claim-check")
                .hasMessageContaining("not supported by cdc4j yet");
        assertThatThrownBy(() -> of("kafka://b:9092/t?protocol=open-protocol", handle + "\"handle-key-only\","
                + "\"large_message_handle_compression\":\"lz4\"}}}}")).hasMessageContaining("lz4");
    }

    private static void refused(String uri, ErrorCode code, String named) {
        assertThatThrownBy(() -> of(uri)).as(uri).isInstanceOfSatisfying(CdcException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code)).hasMessageContaining(named);
    }
}
