package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaConfigJsonTest {

    @Test
    void defaultsSerializeAsTiCdcDoes() {
        JsonNode tree = ReplicaConfigJson.toTree(ReplicaConfig.defaults());

        assertThat(tree.get("memory_quota").asLong()).isEqualTo(1073741824L);
        assertThat(tree.get("sync_point_interval").isIntegralNumber()).isTrue();
        assertThat(tree.get("sync_point_interval").asLong()).isEqualTo(600_000_000_000L);
        assertThat(tree.get("sync_point_retention").asLong()).isEqualTo(86_400_000_000_000L);
        assertThat(tree.get("changefeed_error_stuck_duration").asLong()).isEqualTo(1_800_000_000_000L);
        assertThat(tree.get("check_gc_safe_point").asBoolean()).isTrue();
        JsonNode sink = tree.get("sink");
        assertThat(sink.has("protocol")).isFalse();
        assertThat(sink.has("kafka_config")).isFalse();
        assertThat(sink.has("transaction_atomicity")).isFalse();
        assertThat(sink.get("terminator").asText()).isEqualTo("\r\n");
        assertThat(sink.get("send-all-bootstrap-at-start").asBoolean()).isFalse();
        assertThat(sink.get("csv").get("null").asText()).isEqualTo("\\N");
        assertThat(sink.get("open").get("output_old_value").asBoolean()).isTrue();
        assertThat(tree.get("filter").get("rules").get(0).asText()).isEqualTo("*.*");
        assertThat(tree.get("filter").has("ignore_txn_start_ts")).isFalse();
        assertThat(tree.get("consistent").get("memory_usage").get("memory_quota_percentage").asLong()).isEqualTo(50);
        assertThat(tree.get("synced_status").get("synced_check_interval").asLong()).isEqualTo(300);
    }

    @Test
    void defaultsRoundTrip() {
        String json = ReplicaConfigJson.encode(ReplicaConfig.defaults());

        assertThat(ReplicaConfigJson.decodeReplacing(json)).isEqualTo(ReplicaConfig.defaults());
        assertThat(ReplicaConfigJson.decodeOverDefaults(json)).isEqualTo(ReplicaConfig.defaults());
    }

    @Test
    void createBodyMergesOverDefaultsInsideNestedObjects() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"case_sensitive": true,
                 "filter": {"rules": ["db.*"]},
                 "sink": {"protocol": "canal-json", "csv": {"delimiter": ";"},
                          "dispatchers": [{"matcher": ["db.t"], "partition": "ts"}]},
                 "consistent": {"level": "eventual"}}""");

        assertThat(config.caseSensitive()).isTrue();
        assertThat(config.checkGcSafePoint()).isTrue();
        assertThat(config.memoryQuota()).isEqualTo(ReplicaConfig.DEFAULT_MEMORY_QUOTA);
        assertThat(config.filter().rules()).containsExactly("db.*");
        assertThat(config.sink().protocol()).contains("canal-json");
        assertThat(config.sink().encoderConcurrency()).contains(32);
        assertThat(config.sink().csv().orElseThrow().delimiter()).isEqualTo(";");
        assertThat(config.sink().csv().orElseThrow().quote()).isEqualTo("\"");
        assertThat(config.sink().dispatchers()).containsExactly(
                new DispatchRule(List.of("db.t"), "ts", "", "", List.of()));
        assertThat(config.consistent().level()).isEqualTo("eventual");
        assertThat(config.consistent().flushInterval()).isEqualTo(2000);
        assertThat(config.mounter().workerNum()).isEqualTo(16);
    }

    @Test
    void createBodyReplacesArraysRatherThanMergingThem() {
        ReplicaConfig base = ReplicaConfigJson.decodeOverDefaults("{\"filter\": {\"rules\": [\"a.*\", \"b.*\"]}}");

        ReplicaConfig config = ReplicaConfigJson.decodeOver(base,
                ReplicaConfigJson.mapper().valueToTree(java.util.Map.of("filter", java.util.Map.of("rules", List.of("c.*")))));

        assertThat(config.filter().rules()).containsExactly("c.*");
    }

    @Test
    void updateBodyReplacesWholeConfig() {
        ReplicaConfig config = ReplicaConfigJson.decodeReplacing("""
                {"force_replicate": true, "sink": {"protocol": "avro"}}""");

        assertThat(config.forceReplicate()).isTrue();
        assertThat(config.checkGcSafePoint()).isFalse();
        assertThat(config.memoryQuota()).isZero();
        assertThat(config.syncPointInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.filter()).isEqualTo(FilterConfig.defaults());
        assertThat(config.mounter().workerNum()).isEqualTo(16);
        assertThat(config.sink().protocol()).contains("avro");
        assertThat(config.sink().encoderConcurrency()).isEmpty();
        assertThat(config.sink().csv()).isEmpty();
        assertThat(config.sink().deleteOnlyOutputHandleKeyColumns()).isEmpty();
    }

    @Test
    void unsetPointerFieldsWithAlwaysEmittedNamesSerializeAsNull() {
        JsonNode sink = ReplicaConfigJson.toTree(ReplicaConfigJson.decodeReplacing("{\"sink\": {}}")).get("sink");

        assertThat(sink.has("delete_only_output_handle_key_columns")).isTrue();
        assertThat(sink.get("delete_only_output_handle_key_columns").isNull()).isTrue();
        assertThat(sink.get("content_compatible").isNull()).isTrue();
        assertThat(sink.has("encoder_concurrency")).isFalse();
    }

    @Test
    void durationsAcceptGoStringsAndNanoseconds() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"sync_point_interval": "1h30m", "sync_point_retention": 600000000000,
                 "changefeed_error_stuck_duration": "10m"}""");

        assertThat(config.syncPointInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.syncPointRetention()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.changefeedErrorStuckDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ReplicaConfigJson.toTree(config).get("sync_point_interval").asLong()).isEqualTo(5_400_000_000_000L);
    }

    @Test
    void badDurationStringNamesTheField() {
        assertThatThrownBy(() -> ReplicaConfigJson.decodeOverDefaults("{\"sync_point_interval\": \"ten minutes\"}"))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM))
                .hasMessageContaining("sync_point_interval");
    }

    @Test
    void unknownFieldsAreIgnored() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"enable_old_value": true, "sink": {"no_such_field": 1}}""");

        assertThat(config).isEqualTo(ReplicaConfig.defaults());
    }

    @Test
    void stringForNumberIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ReplicaConfigJson.decodeOverDefaults("{\"sink\": {\"encoder_concurrency\": \"8\"}}"))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM))
                .hasMessageContaining("sink.encoder_concurrency");
    }

    @Test
    void numberForStringIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ReplicaConfigJson.decodeOverDefaults("{\"sink\": {\"protocol\": 5}}"))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM))
                .hasMessageContaining("sink.protocol");
    }

    @Test
    void negativeUnsignedIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ReplicaConfigJson.decodeOverDefaults("{\"memory_quota\": -1}"))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM))
                .hasMessageContaining("memory_quota");
    }

    @Test
    void malformedJsonIsInvalidParam() {
        assertThatThrownBy(() -> ReplicaConfigJson.decodeOverDefaults("{\"memory_quota\": "))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_INVALID_PARAM));
    }

    @Test
    void pulsarConfigUsesKebabKeysInJsonWithCrossedTlsNames() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"sink": {"pulsar_config": {"tls-certificate-path": "/k", "tls-private-key-path": "/c",
                  "connection-timeout": 5, "oauth2": {"oauth2-issuer-url": "https://issuer"}}}}""");

        PulsarConfig pulsar = config.sink().pulsarConfig().orElseThrow();
        assertThat(pulsar.tlsKeyFilePath()).contains("/k");
        assertThat(pulsar.tlsCertificateFile()).contains("/c");
        assertThat(pulsar.connectionTimeout()).contains(5);
        assertThat(pulsar.oauth2().orElseThrow().oauth2IssuerUrl()).contains("https://issuer");
        JsonNode out = ReplicaConfigJson.toTree(config).get("sink").get("pulsar_config");
        assertThat(out.get("tls-certificate-path").asText()).isEqualTo("/k");
        assertThat(out.has("tls-key-file-path")).isFalse();
    }

    @Test
    void kafkaConfigNestedObjectsRoundTrip() {
        String body = """
                {"sink": {"protocol": "open-protocol", "kafka_config": {"partition_num": 3, "sasl_oauth_scopes": ["a"],
                  "codec_config": {"enable_tidb_extension": true},
                  "large_message_handle": {"large_message_handle_option": "handle-key-only"},
                  "glue_schema_registry_config": {"registry_name": "r", "region": "eu"}},
                  "mysql_config": {"max_multi_update_row_count": 40}}}""";

        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults(body);

        KafkaConfig kafka = config.sink().kafkaConfig().orElseThrow();
        assertThat(kafka.partitionNum()).contains(3);
        assertThat(kafka.saslOauthScopes()).contains(List.of("a"));
        assertThat(kafka.codecConfig().flatMap(CodecConfig::enableTidbExtension)).contains(true);
        assertThat(kafka.largeMessageHandle().orElseThrow().largeMessageHandleOption()).isEqualTo("handle-key-only");
        assertThat(kafka.glueSchemaRegistryConfig().orElseThrow().region()).isEqualTo("eu");
        assertThat(kafka.replicationFactor()).isEqualTo(Optional.empty());
        assertThat(config.sink().mysqlConfig().orElseThrow().maxMultiUpdateRowCount()).contains(40);
        assertThat(ReplicaConfigJson.decodeReplacing(ReplicaConfigJson.encode(config))).isEqualTo(config);
    }
}
