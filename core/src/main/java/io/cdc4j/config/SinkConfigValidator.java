package io.cdc4j.config;

import static io.cdc4j.config.ConfigErrors.invalid;

import io.cdc4j.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks and adjusts the {@code sink} section for one kind of sink, as TiCDC does before accepting a changefeed. */
final class SinkConfigValidator {
    private static final Set<String> ATOMICITY = Set.of("", "none", "table");
    private static final Set<String> DATE_SEPARATORS = Set.of("none", "year", "month", "day");
    private static final Set<String> PARTITIONS = Set.of("", "default", "ts", "table", "index-value", "rowid", "columns");
    private static final Set<SinkProtocol> STORAGE_PROTOCOLS = Set.of(SinkProtocol.CSV, SinkProtocol.CANAL_JSON);
    private static final int MIN_FILE_INDEX_WIDTH = 6;
    private static final int MAX_FILE_INDEX_WIDTH = 20;

    private SinkConfigValidator() {
    }

    /**
     * @param uriParams the sink URI's query parameters; {@code protocol} and {@code transaction-atomicity} there
     *                  override the config, {@code enable-tidb-extension} is read by the large-message rule
     */
    static SinkConfig validate(SinkConfig sink, SinkKind kind, Map<String, String> uriParams) {
        SinkConfig adjusted = applyUriOverrides(sink, uriParams);
        Optional<SinkProtocol> protocol = checkProtocol(adjusted.protocol(), kind);
        checkAtomicity(adjusted.transactionAtomicity(), kind);
        adjusted.encoderConcurrency().filter(n -> n < 0).ifPresent(n -> {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.encoder_concurrency", "must not be negative, got " + n);
        });
        if (adjusted.deleteOnlyOutputHandleKeyColumns().orElse(false) && protocol.equals(Optional.of(SinkProtocol.CSV))) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.delete_only_output_handle_key_columns",
                    "cannot be used with the csv protocol");
        }
        if (kind == SinkKind.STORAGE) {
            adjusted = checkStorage(adjusted);
        }
        if (kind == SinkKind.MQ) {
            checkDispatchers(adjusted.dispatchers());
        }
        checkKafkaConfig(adjusted, protocol, uriParams);
        if (adjusted.advanceTimeout().equals(Optional.of(0L))) {
            adjusted = adjusted.withAdvanceTimeout(Optional.of(SinkConfig.DEFAULT_ADVANCE_TIMEOUT_SEC));
        }
        return adjusted;
    }

    private static SinkConfig applyUriOverrides(SinkConfig sink, Map<String, String> uriParams) {
        SinkConfig adjusted = sink;
        String protocol = uriParams.get("protocol");
        if (protocol != null) {
            adjusted = adjusted.withProtocol(Optional.of(protocol));
        }
        String atomicity = uriParams.get("transaction-atomicity");
        if (atomicity != null) {
            adjusted = adjusted.withTransactionAtomicity(Optional.of(atomicity));
        }
        return adjusted;
    }

    private static Optional<SinkProtocol> checkProtocol(Optional<String> configured, SinkKind kind) {
        Optional<String> name = configured.filter(p -> !p.isEmpty());
        switch (kind) {
            case MYSQL -> {
                if (name.isPresent()) {
                    throw invalid(ErrorCode.SINK_URI_INVALID, "sink.protocol",
                            "must not be set for a MySQL sink, got '" + name.get() + "'");
                }
                return Optional.empty();
            }
            case BLACKHOLE -> {
                return name.flatMap(SinkProtocol::parse);
            }
            default -> {
                String text = name.orElseThrow(() -> invalid(ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol",
                        "is required for message-queue and storage sinks"));
                SinkProtocol protocol = SinkProtocol.parse(text).orElseThrow(() -> invalid(
                        ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol", "unknown protocol '" + text + "'"));
                boolean storage = kind == SinkKind.STORAGE;
                boolean supported = storage ? STORAGE_PROTOCOLS.contains(protocol) : protocol != SinkProtocol.CSV;
                if (!supported) {
                    throw invalid(ErrorCode.SINK_UNKNOWN_PROTOCOL, "sink.protocol",
                            "protocol '" + text + "' is not supported by " + (storage ? "storage" : "message-queue") + " sinks");
                }
                return Optional.of(protocol);
            }
        }
    }

    private static void checkAtomicity(Optional<String> atomicity, SinkKind kind) {
        if (atomicity.isEmpty()) {
            return;
        }
        String level = atomicity.get();
        if (!ATOMICITY.contains(level)) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.transaction_atomicity",
                    "must be none or table, got '" + level + "'");
        }
        if (level.equals("table") && kind == SinkKind.MQ) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.transaction_atomicity",
                    "table atomicity is not supported by message-queue sinks");
        }
    }

    private static SinkConfig checkStorage(SinkConfig sink) {
        sink.dateSeparator().filter(s -> !DATE_SEPARATORS.contains(s)).ifPresent(s -> {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.date_separator",
                    "must be none, year, month or day, got '" + s + "'");
        });
        sink.csv().ifPresent(CsvConfigValidator::validate);
        boolean widthOutOfRange = sink.fileIndexWidth()
                .filter(w -> w < MIN_FILE_INDEX_WIDTH || w > MAX_FILE_INDEX_WIDTH)
                .isPresent();
        return widthOutOfRange ? sink.withFileIndexWidth(Optional.of(MAX_FILE_INDEX_WIDTH)) : sink;
    }

    private static void checkDispatchers(List<DispatchRule> dispatchers) {
        for (int i = 0; i < dispatchers.size(); i++) {
            DispatchRule rule = dispatchers.get(i);
            String field = "sink.dispatchers[" + i + "].partition";
            if (!PARTITIONS.contains(rule.partition())) {
                throw invalid(ErrorCode.SINK_INVALID_CONFIG, field,
                        "must be one of default, ts, table, index-value, columns, got '" + rule.partition() + "'");
            }
            if (rule.partition().equals("columns") && rule.columns().isEmpty()) {
                throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.dispatchers[" + i + "].columns",
                        "must list at least one column for the columns dispatcher");
            }
        }
    }

    private static void checkKafkaConfig(SinkConfig sink, Optional<SinkProtocol> protocol, Map<String, String> uriParams) {
        Optional<KafkaConfig> kafka = sink.kafkaConfig();
        Optional<GlueSchemaRegistryConfig> glue = kafka.flatMap(KafkaConfig::glueSchemaRegistryConfig);
        if (glue.isPresent()) {
            if (sink.schemaRegistry().filter(r -> !r.isEmpty()).isPresent()) {
                throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "sink.kafka_config.glue_schema_registry_config",
                        "cannot be used together with sink.schema_registry");
            }
            if (glue.get().registryName().isEmpty() || glue.get().region().isEmpty()) {
                throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "sink.kafka_config.glue_schema_registry_config",
                        "registry_name and region are required");
            }
        }
        Optional<LargeMessageHandleConfig> largeMessage = kafka.flatMap(KafkaConfig::largeMessageHandle);
        if (largeMessage.isPresent()) {
            boolean tidbExtension = Boolean.parseBoolean(uriParams.getOrDefault("enable-tidb-extension", "false"))
                    || kafka.flatMap(KafkaConfig::codecConfig).flatMap(CodecConfig::enableTidbExtension).orElse(false);
            LargeMessageRules.validate(largeMessage.get(), protocol, tidbExtension);
        }
    }
}
