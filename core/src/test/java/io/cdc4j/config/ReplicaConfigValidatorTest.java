package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * TiCDC's own checks and adjustments, for every sink kind TiCDC knows (also those cdc4j cannot write to yet, whose
 * rules apply once they can); what cdc4j refuses on top is {@link UnsupportedSettingsTest}'s.
 */
class ReplicaConfigValidatorTest {

    private static TiCdcRules config(String json) {
        return new TiCdcRules(ReplicaConfigJson.decodeOverDefaults(json));
    }

    /** A decoded config, validated by TiCDC's rules alone. */
    private record TiCdcRules(ReplicaConfig config) {
        ReplicaConfig validate(String scheme) {
            return ReplicaConfigValidator.ticdcRules(config, scheme, Map.of());
        }
    }

    private static void assertRejected(String json, String scheme, ErrorCode code, String field) {
        assertThatThrownBy(() -> config(json).validate(scheme))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(field);
    }

    @Test
    void defaultsAreValidForMySqlAndBlackhole() {
        assertThat(ReplicaConfig.defaults().validate("mysql")).isEqualTo(ReplicaConfig.defaults());
        assertThat(ReplicaConfig.defaults().validate("blackhole")).isEqualTo(ReplicaConfig.defaults());
    }

    @Test
    void memoryQuotaZeroBecomesDefault() {
        assertThat(config("{\"memory_quota\": 0}").validate("mysql").memoryQuota())
                .isEqualTo(ReplicaConfig.DEFAULT_MEMORY_QUOTA);
        assertThat(config("{\"memory_quota\": 1}").validate("mysql").memoryQuota()).isEqualTo(1);
    }

    @Test
    void emptyFilterRulesMeanEverything() {
        assertThat(config("{\"filter\": {\"rules\": []}}").validate("mysql").filter().rules()).containsExactly("*.*");
    }

    @Test
    void unknownSchemeIsAnInvalidUri() {
        assertRejected("{}", "ftp", ErrorCode.SINK_URI_INVALID, "ftp");
    }

    @ParameterizedTest
    @CsvSource({"kafka", "pulsar", "s3", "gcs", "azblob", "file"})
    void protocolIsRequiredForMqAndStorage(String scheme) {
        assertRejected("{}", scheme, ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol");
    }

    @Test
    void unknownProtocolIsRejected() {
        assertRejected("{\"sink\": {\"protocol\": \"protobuf\"}}", "kafka", ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol");
    }

    @ParameterizedTest
    @CsvSource({"default", "flat-avro", "canal-json", "open-protocol", "canal", "avro", "maxwell", "craft", "debezium", "simple"})
    void knownProtocolsAndAliasesAreAcceptedForKafka(String protocol) {
        ReplicaConfig validated = config("{\"sink\": {\"protocol\": \"" + protocol + "\"}}").validate("kafka");

        assertThat(validated.sink().protocol()).contains(protocol);
    }

    @Test
    void csvIsOnlyForStorage() {
        assertRejected("{\"sink\": {\"protocol\": \"csv\"}}", "kafka", ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol");
        assertRejected("{\"sink\": {\"protocol\": \"avro\"}}", "s3", ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol");
        assertThat(config("{\"sink\": {\"protocol\": \"csv\"}}").validate("s3").sink().protocol()).contains("csv");
    }

    @Test
    void protocolMustBeUnsetForMySql() {
        assertRejected("{\"sink\": {\"protocol\": \"canal-json\"}}", "tidb", ErrorCode.SINK_URI_INVALID, "sink.protocol");
    }

    @Test
    void uriProtocolOverridesConfig() {
        ReplicaConfig validated = ReplicaConfigValidator.ticdcRules(
                config("{\"sink\": {\"protocol\": \"avro\"}}").config(), "kafka", Map.of("protocol", "canal-json"));

        assertThat(validated.sink().protocol()).contains("canal-json");
    }

    @Test
    void transactionAtomicityRules() {
        assertRejected("{\"sink\": {\"transaction_atomicity\": \"global\"}}", "mysql",
                ErrorCode.SINK_INVALID_CONFIG, "sink.transaction_atomicity");
        assertRejected("{\"sink\": {\"protocol\": \"canal-json\", \"transaction_atomicity\": \"table\"}}", "kafka",
                ErrorCode.SINK_INVALID_CONFIG, "sink.transaction_atomicity");
        assertThat(config("{\"sink\": {\"transaction_atomicity\": \"table\"}}").validate("mysql").sink()
                .transactionAtomicity()).contains("table");
    }

    @Test
    void encoderConcurrencyMustNotBeNegative() {
        assertRejected("{\"sink\": {\"encoder_concurrency\": -1}}", "mysql",
                ErrorCode.SINK_INVALID_CONFIG, "sink.encoder_concurrency");
        assertThat(config("{\"sink\": {\"encoder_concurrency\": 0}}").validate("mysql").sink().encoderConcurrency())
                .contains(0);
    }

    @Test
    void dateSeparatorValuesForStorage() {
        assertRejected("{\"sink\": {\"protocol\": \"csv\", \"date_separator\": \"week\"}}", "s3",
                ErrorCode.SINK_INVALID_CONFIG, "sink.date_separator");
        assertThat(config("{\"sink\": {\"protocol\": \"csv\", \"date_separator\": \"none\"}}").validate("s3")
                .sink().dateSeparator()).contains("none");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "{\"quote\": \"''\"}|sink.csv.quote",
            "{\"quote\": \"\\n\"}|sink.csv.quote",
            "{\"delimiter\": \"\"}|sink.csv.delimiter",
            "{\"delimiter\": \"abcd\"}|sink.csv.delimiter",
            "{\"delimiter\": \"a\\r\"}|sink.csv.delimiter",
            "{\"delimiter\": \"a\\\"\"}|sink.csv.delimiter",
            "{\"binary_encoding_method\": \"base32\"}|sink.csv.binary_encoding_method"})
    void csvRulesForStorage(String csv, String field) {
        assertRejected("{\"sink\": {\"protocol\": \"csv\", \"csv\": " + csv + "}}", "file",
                ErrorCode.SINK_INVALID_CONFIG, field);
    }

    @Test
    void csvBoundariesAreAccepted() {
        ReplicaConfig validated = config("""
                {"sink": {"protocol": "csv", "csv": {"delimiter": "abc", "quote": "", "binary_encoding_method": "hex"}}}""")
                .validate("file");

        assertThat(validated.sink().csv().orElseThrow().delimiter()).isEqualTo("abc");
    }

    @Test
    void csvIsNotCheckedForNonStorageSinks() {
        assertThat(config("{\"sink\": {\"csv\": {\"delimiter\": \"abcd\"}}}").validate("mysql").sink().csv()
                .orElseThrow().delimiter()).isEqualTo("abcd");
    }

    @Test
    void deleteOnlyHandleKeyColumnsNotWithCsv() {
        assertRejected("{\"sink\": {\"protocol\": \"csv\", \"delete_only_output_handle_key_columns\": true}}", "s3",
                ErrorCode.SINK_INVALID_CONFIG, "sink.delete_only_output_handle_key_columns");
    }

    @Test
    void fileIndexWidthOutsideRangeIsForcedTo20ForStorage() {
        assertThat(config("{\"sink\": {\"protocol\": \"csv\", \"file_index_width\": 5}}").validate("s3").sink()
                .fileIndexWidth()).contains(20);
        assertThat(config("{\"sink\": {\"protocol\": \"csv\", \"file_index_width\": 6}}").validate("s3").sink()
                .fileIndexWidth()).contains(6);
    }

    @Test
    void advanceTimeoutZeroBecomes150() {
        assertThat(config("{\"sink\": {\"advance_timeout\": 0}}").validate("mysql").sink().advanceTimeout())
                .contains(150L);
    }

    @Test
    void dispatcherPartitionNames() {
        assertRejected("""
                {"sink": {"protocol": "canal-json", "dispatchers": [{"matcher": ["a.*"], "partition": "ts"},
                  {"matcher": ["b.*"], "partition": "random"}]}}""", "kafka",
                ErrorCode.SINK_INVALID_CONFIG, "sink.dispatchers[1].partition");
        assertRejected("""
                {"sink": {"protocol": "canal-json", "dispatchers": [{"matcher": ["a.*"], "partition": "columns"}]}}""",
                "kafka", ErrorCode.SINK_INVALID_CONFIG, "sink.dispatchers[0].columns");
        assertThat(config("""
                {"sink": {"protocol": "canal-json", "dispatchers": [{"matcher": ["a.*"], "partition": "rowid"},
                  {"matcher": ["b.*"], "partition": "columns", "columns": ["id"]}]}}""").validate("kafka")
                .sink().dispatchers()).hasSize(2);
    }

    @Test
    void syncPointBoundsApplyOnlyWhenEnabled() {
        assertRejected("{\"enable_sync_point\": true, \"sync_point_interval\": \"29s\"}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "sync_point_interval");
        assertRejected("{\"enable_sync_point\": true, \"sync_point_retention\": \"59m\"}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "sync_point_retention");
        assertThat(config("{\"enable_sync_point\": true, \"sync_point_interval\": \"30s\", \"sync_point_retention\": \"1h\"}")
                .validate("mysql").enableSyncPoint()).isTrue();
        assertThat(config("{\"sync_point_interval\": \"1s\"}").validate("mysql").syncPointInterval())
                .hasSeconds(1);
    }

    @Test
    void errorStuckDurationAtLeast30Minutes() {
        assertRejected("{\"changefeed_error_stuck_duration\": \"29m59s\"}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "changefeed_error_stuck_duration");
        assertThat(config("{\"changefeed_error_stuck_duration\": \"30m\"}").validate("mysql")
                .changefeedErrorStuckDuration()).hasMinutes(30);
    }

    @Test
    void consistentRules() {
        assertRejected("{\"consistent\": {\"level\": \"strong\"}}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "consistent.level");
        assertRejected("{\"consistent\": {\"level\": \"eventual\", \"storage\": \"file:///r\", \"flush_interval\": 49}}",
                "mysql", ErrorCode.INVALID_REPLICA_CONFIG, "consistent.flush_interval");
        assertRejected("{\"consistent\": {\"level\": \"eventual\", \"storage\": \"file:///r\", \"meta_flush_interval\": 49}}",
                "mysql", ErrorCode.INVALID_REPLICA_CONFIG, "consistent.meta_flush_interval");
        assertRejected("{\"consistent\": {\"level\": \"eventual\"}}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "consistent.storage");
        assertRejected("{\"consistent\": {\"level\": \"eventual\", \"storage\": \"not a uri\"}}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "consistent.storage");
        assertRejected("{\"consistent\": {\"level\": \"eventual\", \"storage\": \"s3://b/p\", \"compression\": \"zstd\"}}",
                "mysql", ErrorCode.INVALID_REPLICA_CONFIG, "consistent.compression");
        ReplicaConfig ok = config("""
                {"consistent": {"level": "eventual", "storage": "s3://b/p", "flush_interval": 50, "meta_flush_interval": 0}}""")
                .validate("mysql");
        assertThat(ok.consistent().flushInterval()).isEqualTo(50);
        assertThat(ok.consistent().metaFlushInterval()).isEqualTo(200);
    }

    @Test
    void integrityRules() {
        assertRejected("{\"integrity\": {\"integrity_check_level\": \"full\"}}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "integrity.integrity_check_level");
        assertRejected("{\"integrity\": {\"corruption_handle_level\": \"panic\"}}", "mysql",
                ErrorCode.INVALID_REPLICA_CONFIG, "integrity.corruption_handle_level");
        assertRejected("""
                {"integrity": {"integrity_check_level": "correctness"},
                 "sink": {"protocol": "simple", "column_selectors": [{"matcher": ["a.*"], "columns": ["id"]}]}}""",
                "kafka", ErrorCode.INVALID_REPLICA_CONFIG, "integrity.integrity_check_level");
        String correctness = "{\"integrity\": {\"integrity_check_level\": \"correctness\"}, \"sink\": {\"protocol\": \"simple\"}}";
        assertThat(config(correctness).validate("kafka").integrity().integrityCheckLevel()).isEqualTo("correctness");
        assertThat(config("{\"integrity\": {\"integrity_check_level\": \"correctness\"}}").validate("mysql")
                .integrity().integrityCheckLevel()).isEqualTo("none");
    }

    @Test
    void tableAcrossNodesOnlyForKafkaAndBlackhole() {
        String json = "{\"scheduler\": {\"enable_table_across_nodes\": true}, \"sink\": {\"protocol\": \"canal-json\"}}";
        assertThat(config(json).validate("kafka+ssl").scheduler().enableTableAcrossNodes()).isTrue();
        assertThat(config(json).validate("blackhole").scheduler().enableTableAcrossNodes()).isTrue();
        assertThat(config(json).validate("pulsar").scheduler().enableTableAcrossNodes()).isFalse();
        assertThat(config("{\"scheduler\": {\"enable_table_across_nodes\": true}}").validate("mysql")
                .scheduler().regionThreshold()).isEqualTo(100_000);
    }

    @Test
    void largeMessageRules() {
        String option = "{\"sink\": {\"protocol\": \"%s\", \"kafka_config\": {\"large_message_handle\": %s}}}";
        assertRejected(option.formatted("open-protocol", "{\"large_message_handle_option\": \"drop\"}"), "kafka",
                ErrorCode.INVALID_REPLICA_CONFIG, "large_message_handle_option");
        assertRejected(option.formatted("avro", "{\"large_message_handle_option\": \"handle-key-only\"}"), "kafka",
                ErrorCode.INVALID_REPLICA_CONFIG, "large_message_handle_option");
        assertRejected(option.formatted("canal-json", "{\"large_message_handle_option\": \"handle-key-only\"}"), "kafka",
                ErrorCode.INVALID_REPLICA_CONFIG, "large_message_handle_option");
        assertRejected(option.formatted("simple", "{\"large_message_handle_option\": \"claim-check\"}"), "kafka",
                ErrorCode.INVALID_REPLICA_CONFIG, "claim_check_storage_uri");
        ReplicaConfig canal = config(option.formatted("canal-json", "{\"large_message_handle_option\": \"handle-key-only\"}"))
                .config();
        assertThat(ReplicaConfigValidator.ticdcRules(canal, "kafka", Map.of("enable-tidb-extension", "true"))
                .sink().kafkaConfig().flatMap(KafkaConfig::largeMessageHandle).orElseThrow().enabled()).isTrue();
        assertThat(config(option.formatted("avro", "{\"large_message_handle_option\": \"none\"}")).validate("kafka")
                .sink().kafkaConfig()).isPresent();
    }

    @Test
    void glueRegistryRules() {
        assertRejected("""
                {"sink": {"protocol": "avro", "schema_registry": "http://r",
                  "kafka_config": {"glue_schema_registry_config": {"registry_name": "n", "region": "eu"}}}}""",
                "kafka", ErrorCode.INVALID_REPLICA_CONFIG, "glue_schema_registry_config");
        assertRejected("""
                {"sink": {"protocol": "avro", "kafka_config": {"glue_schema_registry_config": {"registry_name": "n"}}}}""",
                "kafka", ErrorCode.INVALID_REPLICA_CONFIG, "glue_schema_registry_config");
        assertThat(config("""
                {"sink": {"protocol": "avro", "kafka_config": {"glue_schema_registry_config": {"registry_name": "n", "region": "eu"}}}}""")
                .validate("kafka").sink().schemaRegistry()).isEqualTo(Optional.empty());
    }
}
