package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each default against the reference table (changefeed-model.md section 3). */
class ReplicaConfigDefaultsTest {
    private final ReplicaConfig config = ReplicaConfig.defaults();

    @Test
    void topLevel() {
        assertThat(config.memoryQuota()).isEqualTo(1073741824L);
        assertThat(config.caseSensitive()).isFalse();
        assertThat(config.forceReplicate()).isFalse();
        assertThat(config.ignoreIneligibleTable()).isFalse();
        assertThat(config.checkGcSafePoint()).isTrue();
        assertThat(config.enableSyncPoint()).isFalse();
        assertThat(config.enableTableMonitor()).isFalse();
        assertThat(config.bdrMode()).isFalse();
        assertThat(config.syncPointInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.syncPointRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(config.changefeedErrorStuckDuration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void filterMounterSchedulerIntegritySyncedStatus() {
        assertThat(config.filter().rules()).containsExactly("*.*");
        assertThat(config.filter().ignoreTxnStartTs()).isEmpty();
        assertThat(config.filter().eventFilters()).isEmpty();
        assertThat(config.mounter().workerNum()).isEqualTo(16);
        assertThat(config.scheduler()).isEqualTo(new SchedulerConfig(false, 100_000, 0));
        assertThat(config.integrity()).isEqualTo(new IntegrityConfig("none", "warn"));
        assertThat(config.syncedStatus()).isEqualTo(new SyncedStatusConfig(300, 15));
    }

    @Test
    void consistent() {
        ConsistentConfig consistent = config.consistent();
        assertThat(consistent.level()).isEqualTo("none");
        assertThat(consistent.maxLogSize()).isEqualTo(64);
        assertThat(consistent.flushInterval()).isEqualTo(2000);
        assertThat(consistent.metaFlushInterval()).isEqualTo(200);
        assertThat(consistent.encodingWorkerNum()).isEqualTo(16);
        assertThat(consistent.flushWorkerNum()).isEqualTo(8);
        assertThat(consistent.storage()).isEmpty();
        assertThat(consistent.useFileBackend()).isFalse();
        assertThat(consistent.compression()).isEmpty();
        assertThat(consistent.flushConcurrency()).isEmpty();
        assertThat(consistent.memoryUsage()).contains(new ConsistentMemoryUsage(50));
    }

    @Test
    void sink() {
        SinkConfig sink = config.sink();
        assertThat(sink.protocol()).isEmpty();
        assertThat(sink.schemaRegistry()).isEmpty();
        assertThat(sink.transactionAtomicity()).isEmpty();
        assertThat(sink.encoderConcurrency()).contains(32);
        assertThat(sink.terminator()).contains("\r\n");
        assertThat(sink.dateSeparator()).contains("day");
        assertThat(sink.enablePartitionSeparator()).contains(true);
        assertThat(sink.fileIndexWidth()).isEmpty();
        assertThat(sink.enableKafkaSinkV2()).contains(false);
        assertThat(sink.onlyOutputUpdatedColumns()).contains(false);
        assertThat(sink.deleteOnlyOutputHandleKeyColumns()).contains(false);
        assertThat(sink.contentCompatible()).contains(false);
        assertThat(sink.safeMode()).isEmpty();
        assertThat(sink.advanceTimeout()).contains(150L);
        assertThat(sink.sendBootstrapIntervalInSec()).contains(120L);
        assertThat(sink.sendBootstrapInMsgCount()).contains(10_000);
        assertThat(sink.sendBootstrapToAllPartition()).contains(true);
        assertThat(sink.sendAllBootstrapAtStart()).contains(false);
        assertThat(sink.debeziumDisableSchema()).contains(false);
        assertThat(sink.open()).contains(new OpenProtocolConfig(true));
        assertThat(sink.debezium()).contains(new DebeziumConfig(true));
        assertThat(sink.csv()).contains(new CsvConfig(",", "\"", "\\N", false, "base64", false, false, false));
        assertThat(sink.dispatchers()).isEqualTo(List.of());
        assertThat(sink.columnSelectors()).isEqualTo(List.of());
        assertThat(sink.kafkaConfig()).isEqualTo(Optional.empty());
        assertThat(sink.mysqlConfig()).isEmpty();
        assertThat(sink.cloudStorageConfig()).isEmpty();
        assertThat(sink.pulsarConfig()).isEmpty();
    }
}
