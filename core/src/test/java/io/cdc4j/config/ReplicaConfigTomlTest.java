package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaConfigTomlTest {

    private static final String FULL = """
            memory-quota = 536870912
            case-sensitive = true
            enable-sync-point = true
            sync-point-interval = "5m"
            sync-point-retention = "1h30m"
            changefeed-error-stuck-duration = "45m"

            [filter]
            rules = ['db.*', '!db.tmp']
            ignore-txn-start-ts = [1, 2]

            [[filter.event-filters]]
            matcher = ["db.orders"]
            ignore-event = ["delete"]
            ignore-sql = ["^drop"]
            ignore-insert-value-expr = "id >= 100"

            [mounter]
            worker-num = 8

            [sink]
            protocol = "canal-json"
            encoder-concurrency = 4
            file-index-digit = 8
            advance-timeout-in-sec = 60
            send-all-bootstrap-at-start = true
            dispatchers = [
              {matcher = ['db.a'], partition = "ts", topic = "t_{schema}"},
              {matcher = ['db.b'], dispatcher = "table"},
              {matcher = ['db.c'], partition = "columns", columns = ["id"]},
              {matcher = ['db.d'], partition = "index-value", index = "uk"},
            ]
            column-selectors = [{matcher = ['db.a'], columns = ["id", "name"]}]

            [sink.csv]
            delimiter = "|"
            quote = "'"
            null = "NULL"
            include-commit-ts = true
            binary-encoding-method = "hex"

            [sink.kafka-config]
            partition-num = 6
            sasl-mechanism = "PLAIN"
            dial-timeout = "10s"

            [sink.kafka-config.large-message-handle]
            large-message-handle-option = "claim-check"
            claim-check-storage-uri = "s3://bucket/claim"

            [sink.mysql-config]
            worker-count = 16
            max-multi-update-row = 40
            enable-batch-dml = true

            [sink.pulsar-config]
            tls-key-file-path = "/key"
            tls-certificate-file = "/cert"
            connection-timeout = 30

            [consistent]
            level = "eventual"
            storage = "file:///tmp/redo"

            [consistent.memory-usage]
            memory-quota-percentage = 30

            [integrity]
            integrity-check-level = "correctness"

            [synced-status]
            checkpoint-interval = 20
            """;

    @Test
    void parsesAFullFileWithTiCdcKeys() {
        ReplicaConfig config = ReplicaConfigToml.decode(FULL);

        assertThat(config.memoryQuota()).isEqualTo(536870912L);
        assertThat(config.caseSensitive()).isTrue();
        assertThat(config.checkGcSafePoint()).isTrue();
        assertThat(config.syncPointInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.syncPointRetention()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.changefeedErrorStuckDuration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(config.filter().rules()).containsExactly("db.*", "!db.tmp");
        assertThat(config.filter().ignoreTxnStartTs()).containsExactly(1L, 2L);
        EventFilterRule eventFilter = config.filter().eventFilters().get(0);
        assertThat(eventFilter.matcher()).containsExactly("db.orders");
        assertThat(eventFilter.ignoreEvent()).containsExactly("delete");
        assertThat(eventFilter.ignoreSql()).containsExactly("^drop");
        assertThat(eventFilter.ignoreInsertValueExpr()).isEqualTo("id >= 100");
        assertThat(config.mounter().workerNum()).isEqualTo(8);
        SinkConfig sink = config.sink();
        assertThat(sink.protocol()).contains("canal-json");
        assertThat(sink.encoderConcurrency()).contains(4);
        assertThat(sink.fileIndexWidth()).contains(8);
        assertThat(sink.advanceTimeout()).contains(60L);
        assertThat(sink.sendAllBootstrapAtStart()).contains(true);
        assertThat(sink.terminator()).contains("\r\n");
        assertThat(sink.dispatchers()).containsExactly(
                new DispatchRule(List.of("db.a"), "ts", "t_{schema}", "", List.of()),
                new DispatchRule(List.of("db.b"), "table", "", "", List.of()),
                new DispatchRule(List.of("db.c"), "columns", "", "", List.of("id")),
                new DispatchRule(List.of("db.d"), "index-value", "", "uk", List.of()));
        assertThat(sink.columnSelectors()).containsExactly(new ColumnSelector(List.of("db.a"), List.of("id", "name")));
        assertThat(sink.csv()).contains(new CsvConfig("|", "'", "NULL", true, "hex", false, false, false));
        KafkaConfig kafka = sink.kafkaConfig().orElseThrow();
        assertThat(kafka.partitionNum()).contains(6);
        assertThat(kafka.saslMechanism()).contains("PLAIN");
        assertThat(kafka.dialTimeout()).contains("10s");
        assertThat(kafka.largeMessageHandle().orElseThrow().claimCheckStorageUri()).isEqualTo("s3://bucket/claim");
        MySqlConfig mysql = sink.mysqlConfig().orElseThrow();
        assertThat(mysql.workerCount()).contains(16);
        assertThat(mysql.maxMultiUpdateRowCount()).contains(40);
        assertThat(mysql.enableBatchDml()).contains(true);
        PulsarConfig pulsar = sink.pulsarConfig().orElseThrow();
        assertThat(pulsar.tlsKeyFilePath()).contains("/key");
        assertThat(pulsar.tlsCertificateFile()).contains("/cert");
        assertThat(pulsar.connectionTimeout()).contains(30);
        assertThat(config.consistent().level()).isEqualTo("eventual");
        assertThat(config.consistent().flushInterval()).isEqualTo(2000);
        assertThat(config.consistent().memoryUsage()).contains(new ConsistentMemoryUsage(30));
        assertThat(config.integrity().integrityCheckLevel()).isEqualTo("correctness");
        assertThat(config.integrity().corruptionHandleLevel()).isEqualTo("warn");
        assertThat(config.syncedStatus()).isEqualTo(new SyncedStatusConfig(300, 20));
    }

    @Test
    void emptyFileGivesDefaults() {
        assertThat(ReplicaConfigToml.decode("")).isEqualTo(ReplicaConfig.defaults());
    }

    @Test
    void decodesOverAnExistingConfig() {
        ReplicaConfig base = ReplicaConfigToml.decode("[mounter]\nworker-num = 4\n");

        ReplicaConfig config = ReplicaConfigToml.decodeOver(base, "force-replicate = true\n");

        assertThat(config.mounter().workerNum()).isEqualTo(4);
        assertThat(config.forceReplicate()).isTrue();
    }

    @Test
    void rejectsRemovedEnableOldValue() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("enable-old-value = true\n"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPLICA_CONFIG))
                .hasMessageContaining("enable-old-value");
    }

    @Test
    void rejectsUnknownNestedKeyWithItsPath() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[sink.csv]\nseparator = ';'\n"))
                .isInstanceOf(CdcException.class)
                .hasMessageContaining("sink.csv.separator");
    }

    @Test
    void rejectsJsonSpellingsOfKeys() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("memory_quota = 5\n"))
                .isInstanceOf(CdcException.class).hasMessageContaining("memory_quota");
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[sink]\nfile-index-width = 8\n"))
                .isInstanceOf(CdcException.class).hasMessageContaining("sink.file-index-width");
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[sink.mysql-config]\nmax-multi-update-row-count = 8\n"))
                .isInstanceOf(CdcException.class).hasMessageContaining("max-multi-update-row-count");
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[sink.pulsar-config]\ntls-certificate-path = '/x'\n"))
                .isInstanceOf(CdcException.class).hasMessageContaining("sink.pulsar-config.tls-certificate-path");
    }

    @Test
    void rejectsDispatcherAndPartitionTogether() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("""
                [sink]
                dispatchers = [{matcher = ['a.*'], dispatcher = "ts", partition = "table"}]
                """))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_INVALID_CONFIG))
                .hasMessageContaining("dispatcher");
    }

    @Test
    void rejectsWrongValueType() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[mounter]\nworker-num = 'many'\n"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPLICA_CONFIG))
                .hasMessageContaining("mounter.worker_num");
    }

    @Test
    void malformedTomlIsAConfigError() {
        assertThatThrownBy(() -> ReplicaConfigToml.decode("[sink\n"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPLICA_CONFIG));
    }
}
