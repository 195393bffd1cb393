package io.cdc4j.config;

import static io.cdc4j.config.ConfigErrors.invalid;

import io.cdc4j.error.ErrorCode;
import java.util.Optional;
import java.util.Set;

/** Checks {@code sink.kafka_config.large_message_handle}: a known option, a protocol that can carry it, a claim-check store. */
final class LargeMessageRules {
    private static final String FIELD = "sink.kafka_config.large_message_handle";
    private static final Set<String> OPTIONS = Set.of("", "none", "handle-key-only", "claim-check");
    private static final Set<String> COMPRESSIONS = Set.of("", "none", "lz4", "snappy");

    private LargeMessageRules() {
    }

    static void validate(LargeMessageHandleConfig config, Optional<SinkProtocol> protocol, boolean tidbExtension) {
        String option = config.largeMessageHandleOption();
        if (!OPTIONS.contains(option)) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, FIELD + ".large_message_handle_option",
                    "must be none, handle-key-only or claim-check, got '" + option + "'");
        }
        if (!COMPRESSIONS.contains(config.largeMessageHandleCompression())) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, FIELD + ".large_message_handle_compression",
                    "must be none, lz4 or snappy, got '" + config.largeMessageHandleCompression() + "'");
        }
        if (!config.enabled()) {
            return;
        }
        SinkProtocol used = protocol.orElse(null);
        boolean supported = used == SinkProtocol.OPEN_PROTOCOL || used == SinkProtocol.SIMPLE
                || (used == SinkProtocol.CANAL_JSON && tidbExtension);
        if (!supported) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, FIELD + ".large_message_handle_option",
                    "needs the open-protocol or simple protocol, or canal-json with enable-tidb-extension=true");
        }
        if (option.equals("claim-check") && config.claimCheckStorageUri().isEmpty()) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, FIELD + ".claim_check_storage_uri",
                    "is required when large_message_handle_option is claim-check");
        }
    }
}
