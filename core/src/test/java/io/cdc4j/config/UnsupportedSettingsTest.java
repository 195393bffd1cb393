package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.filter.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings cdc4j reads but does not act on yet: refused with a message naming them (JSON and TOML) when set to
 * anything but their default, accepted at their default; and the order of the checks.
 */
class UnsupportedSettingsTest {

    private static ReplicaConfig validate(String json, String scheme) {
        return ReplicaConfigJson.decodeOverDefaults(json).validate(scheme);
    }

    private static void assertRefused(ReplicaConfig config, String scheme, Map<String, String> uriParams,
            ErrorCode code, String... named) {
        assertThatThrownBy(() -> ReplicaConfigValidator.validate(config, scheme, uriParams))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining("is not supported by cdc4j yet")
                .hasMessageContainingAll(named);
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"enable_sync_point\": true}|{\"enable_sync_point\": false}|mysql|INVALID_REPLICA_CONFIG|enable_sync_point (TOML enable-sync-point)",
            "{\"bdr_mode\": true}|{\"bdr_mode\": false}|tidb|INVALID_REPLICA_CONFIG|bdr_mode (TOML bdr-mode)",
            "{\"bdr_mode\": true}|{\"bdr_mode\": false}|blackhole|INVALID_REPLICA_CONFIG|bdr_mode (TOML bdr-mode)",
            "{\"enable_table_monitor\": true}|{\"enable_table_monitor\": false}|blackhole|INVALID_REPLICA_CONFIG|enable_table_monitor (TOML enable-table-monitor)",
            "{\"consistent\": {\"level\": \"eventual\", \"storage\": \"s3://b/p\"}}|{\"consistent\": {\"level\": \"none\", \"storage\": \"s3://b/p\"}}|mysql|INVALID_REPLICA_CONFIG|consistent.level (TOML [consistent] level)",
            "{\"consistent\": {\"level\": \"eventual\"}}|{\"consistent\": {\"level\": \"\"}}|blackhole|INVALID_REPLICA_CONFIG|consistent.level (TOML [consistent] level)",
            "{\"scheduler\": {\"enable_table_across_nodes\": true}}|{\"scheduler\": {\"enable_table_across_nodes\": false, \"region_threshold\": 5}}|blackhole|INVALID_REPLICA_CONFIG|scheduler.enable_table_across_nodes (TOML [scheduler] enable-table-across-nodes)",
            "{\"scheduler\": {\"enable_table_across_nodes\": true}, \"sink\": {\"protocol\": \"canal-json\"}}|{\"sink\": {\"protocol\": \"canal-json\"}}|kafka|INVALID_REPLICA_CONFIG|scheduler.enable_table_across_nodes (TOML [scheduler] enable-table-across-nodes)",
            "{\"integrity\": {\"integrity_check_level\": \"correctness\"}, \"sink\": {\"protocol\": \"canal-json\"}}|{\"integrity\": {\"integrity_check_level\": \"none\"}, \"sink\": {\"protocol\": \"canal-json\"}}|kafka+ssl|INVALID_REPLICA_CONFIG|integrity.integrity_check_level (TOML [integrity] integrity-check-level)",
            "{\"filter\": {\"ignore_txn_start_ts\": [42]}}|{\"filter\": {\"ignore_txn_start_ts\": []}}|mysql|INVALID_REPLICA_CONFIG|filter.ignore_txn_start_ts (TOML [filter] ignore-txn-start-ts)",
            "{\"filter\": {\"event_filters\": [{\"matcher\": [\"a.*\"]}, {\"matcher\": [\"b.*\"], \"ignore_insert_value_expr\": \"id > 1\"}]}}|{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_insert_value_expr\": \"\"}]}}|mysql|INVALID_REPLICA_CONFIG|filter.event_filters[1].ignore_insert_value_expr (TOML [[filter.event-filters]] ignore-insert-value-expr)",
            "{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_update_new_value_expr\": \"a = 'x'\"}]}}|{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_event\": [\"delete\"]}]}}|blackhole|INVALID_REPLICA_CONFIG|filter.event_filters[0].ignore_update_new_value_expr (TOML [[filter.event-filters]] ignore-update-new-value-expr)",
            "{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_update_old_value_expr\": \"a = 'x'\"}]}}|{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_sql\": [\"^DROP\"]}]}}|mysql|INVALID_REPLICA_CONFIG|filter.event_filters[0].ignore_update_old_value_expr (TOML [[filter.event-filters]] ignore-update-old-value-expr)",
            "{\"filter\": {\"event_filters\": [{\"matcher\": [\"b.*\"], \"ignore_delete_value_expr\": \"a = 'x'\"}]}}|{\"filter\": {\"event_filters\": []}}|mysql|INVALID_REPLICA_CONFIG|filter.event_filters[0].ignore_delete_value_expr (TOML [[filter.event-filters]] ignore-delete-value-expr)",
            "{\"sink\": {\"dispatchers\": [{\"matcher\": [\"a.*\"], \"partition\": \"table\"}]}}|{\"sink\": {\"dispatchers\": []}}|mysql|SINK_INVALID_CONFIG|sink.dispatchers (TOML [[sink.dispatchers]])",
            "{\"sink\": {\"column_selectors\": [{\"matcher\": [\"a.*\"], \"columns\": [\"id\"]}]}}|{\"sink\": {\"column_selectors\": []}}|mysql+ssl|SINK_INVALID_CONFIG|sink.column_selectors (TOML [[sink.column-selectors]])",
            "{\"sink\": {\"transaction_atomicity\": \"table\"}}|{\"sink\": {\"transaction_atomicity\": \"none\"}}|mysql|SINK_INVALID_CONFIG|sink.transaction_atomicity (TOML [sink] transaction-atomicity)",
            "{\"sink\": {\"mysql_config\": {\"max_multi_update_row_count\": 100}}}|{\"sink\": {\"mysql_config\": {\"max_multi_update_row_count\": 40}}}|mysql|SINK_INVALID_CONFIG|sink.mysql_config.max_multi_update_row_count (TOML [sink.mysql-config] max-multi-update-row)",
            "{\"sink\": {\"mysql_config\": {\"max_multi_update_row_size\": 2048}}}|{\"sink\": {\"mysql_config\": {\"max_multi_update_row_size\": 1024}}}|tidb+ssl|SINK_INVALID_CONFIG|sink.mysql_config.max_multi_update_row_size (TOML [sink.mysql-config] max-multi-update-row-size)",
            "{\"sink\": {\"mysql_config\": {\"tidb_txn_mode\": \"PESSIMISTIC\"}}}|{\"sink\": {\"mysql_config\": {\"tidb_txn_mode\": \"optimistic\"}}}|mysql|SINK_INVALID_CONFIG|sink.mysql_config.tidb_txn_mode (TOML [sink.mysql-config] tidb-txn-mode)",
    })
    void aSettingCdc4jDoesNotActOnIsRefusedUnlessAtItsDefault(String refused, String accepted, String scheme,
            ErrorCode code, String named) {
        assertRefused(ReplicaConfigJson.decodeOverDefaults(refused), scheme, Map.of(), code, named);
        assertThat(validate(accepted, scheme)).isNotNull();
    }

    @Test
    void anIgnoredEventKindCdc4jDoesNotTellApartIsRefusedAndEveryOtherTiCdcKindAccepted() {
        Set<String> toldApart = Set.of("insert", "update", "delete", "all dml", "all ddl", "alter table",
                "create schema", "create database", "drop schema", "drop database", "modify schema charset and collate",
                "create table", "drop table", "rename table", "truncate table", "add column", "drop column",
                "create index", "drop index", "create view", "drop view");
        List<String> tiCdcKinds = Arrays.stream(EventType.values()).flatMap(type -> type.names().stream()).toList();
        assertThat(tiCdcKinds).containsAll(toldApart);

        for (String kind : tiCdcKinds) {
            ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("{\"filter\": {\"event_filters\": [{\"matcher\":"
                    + " [\"a.*\"], \"ignore_event\": [\"insert\"]}, {\"matcher\": [\"b.*\"], \"ignore_event\": [\"delete\", \""
                    + kind + "\"]}]}}");
            if (toldApart.contains(kind)) {
                assertThat(config.validate("mysql").filter().eventFilters()).as(kind).hasSize(2);
            } else {
                assertRefused(config, "mysql", Map.of(), ErrorCode.INVALID_REPLICA_CONFIG,
                        "filter.event_filters[1].ignore_event (TOML [[filter.event-filters]] ignore-event)",
                        "'" + kind + "' is not told apart");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "tidb", "blackhole"})
    void defaultsAreAcceptedAndARoundTripThroughGetAndPutStaysAccepted(String scheme) {
        ReplicaConfig created = ReplicaConfig.defaults().validate(scheme);

        ReplicaConfig putBack = ReplicaConfigJson.decodeReplacing(ReplicaConfigJson.toTree(created));

        assertThat(putBack.validate(scheme)).isEqualTo(created);
        assertThat(ReplicaConfigJson.decodeReplacing("{\"filter\": {\"rules\": [\"db.*\"]}}").validate(scheme)
                .checkGcSafePoint()).as("an update body leaving scalars out").isFalse();
    }

    @Test
    void aTomlFileWritingEveryDefaultIsAccepted() {
        ReplicaConfig config = ReplicaConfigToml.decode("""
                enable-sync-point = false
                bdr-mode = false
                enable-table-monitor = false
                sync-point-interval = "10m"
                sync-point-retention = "24h"
                sql-mode = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES"
                [filter]
                rules = ["*.*"]
                ignore-txn-start-ts = []
                [[filter.event-filters]]
                matcher = ["db.t"]
                ignore-event = ["delete"]
                ignore-insert-value-expr = ""
                [mounter]
                worker-num = 16
                [scheduler]
                enable-table-across-nodes = false
                [consistent]
                level = "none"
                [integrity]
                integrity-check-level = "none"
                [sink]
                transaction-atomicity = "none"
                [sink.mysql-config]
                max-multi-update-row = 40
                max-multi-update-row-size = 1024
                tidb-txn-mode = "optimistic"
                enable-multi-statement = false
                """);

        assertThat(config.validate("mysql").filter().eventFilters()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "bdr-mode = true|INVALID_REPLICA_CONFIG|bdr_mode (TOML bdr-mode)",
            "[[filter.event-filters]]\\nmatcher = ['db.t']\\nignore-delete-value-expr = 'id > 0'|INVALID_REPLICA_CONFIG|filter.event_filters[0].ignore_delete_value_expr (TOML [[filter.event-filters]] ignore-delete-value-expr)",
            "[[sink.dispatchers]]\\nmatcher = ['db.*']\\ndispatcher = 'ts'|SINK_INVALID_CONFIG|sink.dispatchers (TOML [[sink.dispatchers]])",
            "[sink.mysql-config]\\nmax-multi-update-row = 8|SINK_INVALID_CONFIG|sink.mysql_config.max_multi_update_row_count (TOML [sink.mysql-config] max-multi-update-row)",
    })
    void aTomlFileNamesTheRefusedSettingAsItWroteIt(String lines, ErrorCode code, String named) {
        ReplicaConfig config = ReplicaConfigToml.decode(lines.replace("\\n", "\n"));

        assertRefused(config, "mysql", Map.of(), code, named);
    }

    @Test
    void whatTiCdcIgnoresForTheSinkStaysAcceptedAndIsAdjustedAsTiCdcDoes() {
        ReplicaConfig mysql = validate("""
                {"sql_mode": "ANSI_QUOTES", "sync_point_interval": "1m", "scheduler": {"enable_table_across_nodes": true},
                 "integrity": {"integrity_check_level": "correctness"},
                 "sink": {"encoder_concurrency": 4, "terminator": "\\n", "kafka_config": {"partition_num": 3},
                   "csv": {"delimiter": ";"}, "mysql_config": {"enable_multi_statement": false}}}""", "mysql");

        assertThat(mysql.scheduler().enableTableAcrossNodes()).isFalse();
        assertThat(mysql.integrity().integrityCheckLevel()).isEqualTo("none");
        assertThat(mysql.sqlMode()).isEqualTo("ANSI_QUOTES");
        ReplicaConfig blackhole = validate("""
                {"sink": {"protocol": "canal-json", "transaction_atomicity": "table",
                  "dispatchers": [{"matcher": ["a.*"], "topic": "t"}],
                  "column_selectors": [{"matcher": ["a.*"], "columns": ["id"]}]}}""", "blackhole");
        assertThat(blackhole.sink().dispatchers()).hasSize(1);
    }

    @Test
    void aUriParameterWinsOverItsTwinSoTheTwinIsNotJudged() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"sink": {"transaction_atomicity": "table",
                  "mysql_config": {"max_multi_update_row_count": 100, "tidb_txn_mode": "pessimistic"}}}""");

        ReplicaConfig validated = ReplicaConfigValidator.validate(config, "mysql", Map.of("transaction-atomicity",
                "none", "max-multi-update-row", "40", "tidb-txn-mode", "optimistic"));

        assertThat(validated.sink().transactionAtomicity()).contains("none");
        assertRefused(config, "mysql", Map.of("transaction-atomicity", "none"), ErrorCode.SINK_INVALID_CONFIG,
                "sink.mysql_config.max_multi_update_row_count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pulsar", "pulsar+https", "s3", "gcs", "azblob", "file", "noop"})
    void aSchemeCdc4jCannotWriteToIsNamedBeforeTheProtocolItWouldNeed(String scheme) {
        ReplicaConfig noProtocol = ReplicaConfig.defaults();

        assertThatThrownBy(() -> ReplicaConfigValidator.validate(noProtocol, scheme, Map.of()))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContainingAll("the sink scheme (" + scheme + ") is not supported by cdc4j yet",
                        "blackhole://", "mysql://", "tidb+ssl://");
        assertThatThrownBy(() -> ReplicaConfigValidator.ticdcRules(noProtocol, scheme, Map.of()))
                .as("TiCDC's own rule, which the scheme check comes before")
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_UNKNOWN_PROTOCOL));
    }

    @Test
    void theSchemeComesBeforeUnsupportedSettingsAndThoseBeforeTiCdcsValueRules() {
        ReplicaConfig bdr = ReplicaConfigJson.decodeOverDefaults(
                "{\"bdr_mode\": true, \"sink\": {\"protocol\": \"nope\"}}");
        assertThatThrownBy(() -> ReplicaConfigValidator.validate(bdr, "pulsar", Map.of()))
                .hasMessageContaining("the sink scheme (pulsar)");
        assertThatThrownBy(() -> ReplicaConfigValidator.validate(bdr, "nosuch", Map.of()))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContaining("the sink scheme (nosuch) is not supported");
        assertRefused(bdr, "mysql", Map.of(), ErrorCode.INVALID_REPLICA_CONFIG, "bdr_mode");
        assertRefused(ReplicaConfigJson.decodeOverDefaults("{\"enable_sync_point\": true, \"sync_point_interval\": \"1s\"}"),
                "mysql", Map.of(), ErrorCode.INVALID_REPLICA_CONFIG, "enable_sync_point");
        assertRefused(ReplicaConfigJson.decodeOverDefaults("{\"consistent\": {\"level\": \"eventual\"}}"),
                "mysql", Map.of(), ErrorCode.INVALID_REPLICA_CONFIG, "consistent.level");
        assertThatThrownBy(() -> validate("{\"consistent\": {\"level\": \"strong\"}}", "mysql"))
                .as("a value TiCDC does not know is TiCDC's error")
                .hasMessageContaining("consistent.level: must be none or eventual");
    }
}
