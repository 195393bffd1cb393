package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sink} section: protocol, dispatching and per-sink-kind settings. Fields TiCDC keeps as pointers are
 * {@link Optional}: absent in a request stays absent, and is omitted from JSON.
 */
public record SinkConfig(
        Optional<String> protocol,
        Optional<String> schemaRegistry,
        Optional<CsvConfig> csv,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DispatchRule> dispatchers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ColumnSelector> columnSelectors,
        Optional<String> transactionAtomicity,
        Optional<Integer> encoderConcurrency,
        Optional<String> terminator,
        Optional<String> dateSeparator,
        Optional<Boolean> enablePartitionSeparator,
        Optional<Integer> fileIndexWidth,
        Optional<Boolean> enableKafkaSinkV2,
        Optional<Boolean> onlyOutputUpdatedColumns,
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<Boolean> deleteOnlyOutputHandleKeyColumns,
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<Boolean> contentCompatible,
        Optional<Boolean> safeMode,
        Optional<KafkaConfig> kafkaConfig,
        Optional<PulsarConfig> pulsarConfig,
        Optional<MySqlConfig> mysqlConfig,
        Optional<CloudStorageConfig> cloudStorageConfig,
        Optional<Long> advanceTimeout,
        Optional<Long> sendBootstrapIntervalInSec,
        Optional<Integer> sendBootstrapInMsgCount,
        Optional<Boolean> sendBootstrapToAllPartition,
        @JsonProperty("send-all-bootstrap-at-start") Optional<Boolean> sendAllBootstrapAtStart,
        Optional<Boolean> debeziumDisableSchema,
        Optional<DebeziumConfig> debezium,
        Optional<OpenProtocolConfig> open) {

    /** TiCDC's encoder concurrency when none is configured. */
    public static final int DEFAULT_ENCODER_CONCURRENCY = 32;
    /** TiCDC's advance timeout (seconds) when none, or 0, is configured. */
    public static final long DEFAULT_ADVANCE_TIMEOUT_SEC = 150;

    public SinkConfig {
        protocol = Values.opt(protocol);
        schemaRegistry = Values.opt(schemaRegistry);
        csv = Values.opt(csv);
        dispatchers = Values.list(dispatchers);
        columnSelectors = Values.list(columnSelectors);
        transactionAtomicity = Values.opt(transactionAtomicity);
        encoderConcurrency = Values.opt(encoderConcurrency);
        terminator = Values.opt(terminator);
        dateSeparator = Values.opt(dateSeparator);
        enablePartitionSeparator = Values.opt(enablePartitionSeparator);
        fileIndexWidth = Values.opt(fileIndexWidth);
        enableKafkaSinkV2 = Values.opt(enableKafkaSinkV2);
        onlyOutputUpdatedColumns = Values.opt(onlyOutputUpdatedColumns);
        deleteOnlyOutputHandleKeyColumns = Values.opt(deleteOnlyOutputHandleKeyColumns);
        contentCompatible = Values.opt(contentCompatible);
        safeMode = Values.opt(safeMode);
        kafkaConfig = Values.opt(kafkaConfig);
        pulsarConfig = Values.opt(pulsarConfig);
        mysqlConfig = Values.opt(mysqlConfig);
        cloudStorageConfig = Values.opt(cloudStorageConfig);
        advanceTimeout = Values.opt(advanceTimeout);
        advanceTimeout.ifPresent(t -> Values.unsigned("sink.advance_timeout", t));
        sendBootstrapIntervalInSec = Values.opt(sendBootstrapIntervalInSec);
        sendBootstrapInMsgCount = Values.opt(sendBootstrapInMsgCount);
        sendBootstrapToAllPartition = Values.opt(sendBootstrapToAllPartition);
        sendAllBootstrapAtStart = Values.opt(sendAllBootstrapAtStart);
        debeziumDisableSchema = Values.opt(debeziumDisableSchema);
        debezium = Values.opt(debezium);
        open = Values.opt(open);
    }

    /** TiCDC's default sink section, field by field as in the reference table. */
    public static SinkConfig defaults() {
        return new SinkConfig(
                Optional.empty(), Optional.empty(), Optional.of(CsvConfig.defaults()), List.of(), List.of(),
                Optional.empty(), Optional.of(DEFAULT_ENCODER_CONCURRENCY), Optional.of("\r\n"), Optional.of("day"),
                Optional.of(true), Optional.empty(), Optional.of(false), Optional.of(false), Optional.of(false),
                Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(DEFAULT_ADVANCE_TIMEOUT_SEC), Optional.of(120L), Optional.of(10_000),
                Optional.of(true), Optional.of(false), Optional.of(false), Optional.of(DebeziumConfig.defaults()),
                Optional.of(OpenProtocolConfig.defaults()));
    }

    SinkConfig withProtocol(Optional<String> value) {
        return new SinkConfig(value, schemaRegistry, csv, dispatchers, columnSelectors, transactionAtomicity,
                encoderConcurrency, terminator, dateSeparator, enablePartitionSeparator, fileIndexWidth,
                enableKafkaSinkV2, onlyOutputUpdatedColumns, deleteOnlyOutputHandleKeyColumns, contentCompatible,
                safeMode, kafkaConfig, pulsarConfig, mysqlConfig, cloudStorageConfig, advanceTimeout,
                sendBootstrapIntervalInSec, sendBootstrapInMsgCount, sendBootstrapToAllPartition,
                sendAllBootstrapAtStart, debeziumDisableSchema, debezium, open);
    }

    SinkConfig withTransactionAtomicity(Optional<String> value) {
        return new SinkConfig(protocol, schemaRegistry, csv, dispatchers, columnSelectors, value,
                encoderConcurrency, terminator, dateSeparator, enablePartitionSeparator, fileIndexWidth,
                enableKafkaSinkV2, onlyOutputUpdatedColumns, deleteOnlyOutputHandleKeyColumns, contentCompatible,
                safeMode, kafkaConfig, pulsarConfig, mysqlConfig, cloudStorageConfig, advanceTimeout,
                sendBootstrapIntervalInSec, sendBootstrapInMsgCount, sendBootstrapToAllPartition,
                sendAllBootstrapAtStart, debeziumDisableSchema, debezium, open);
    }

    SinkConfig withFileIndexWidth(Optional<Integer> value) {
        return new SinkConfig(protocol, schemaRegistry, csv, dispatchers, columnSelectors, transactionAtomicity,
                encoderConcurrency, terminator, dateSeparator, enablePartitionSeparator, value,
                enableKafkaSinkV2, onlyOutputUpdatedColumns, deleteOnlyOutputHandleKeyColumns, contentCompatible,
                safeMode, kafkaConfig, pulsarConfig, mysqlConfig, cloudStorageConfig, advanceTimeout,
                sendBootstrapIntervalInSec, sendBootstrapInMsgCount, sendBootstrapToAllPartition,
                sendAllBootstrapAtStart, debeziumDisableSchema, debezium, open);
    }

    SinkConfig withAdvanceTimeout(Optional<Long> value) {
        return new SinkConfig(protocol, schemaRegistry, csv, dispatchers, columnSelectors, transactionAtomicity,
                encoderConcurrency, terminator, dateSeparator, enablePartitionSeparator, fileIndexWidth,
                enableKafkaSinkV2, onlyOutputUpdatedColumns, deleteOnlyOutputHandleKeyColumns, contentCompatible,
                safeMode, kafkaConfig, pulsarConfig, mysqlConfig, cloudStorageConfig, value,
                sendBootstrapIntervalInSec, sendBootstrapInMsgCount, sendBootstrapToAllPartition,
                sendAllBootstrapAtStart, debeziumDisableSchema, debezium, open);
    }
}
