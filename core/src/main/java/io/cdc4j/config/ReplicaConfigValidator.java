package io.cdc4j.config;

import static io.cdc4j.config.ConfigErrors.invalid;

import io.cdc4j.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link ReplicaConfig} against the sink it will feed and returns it adjusted as TiCDC adjusts it
 * (memory quota 0 to the default, settings the sink cannot use forced off). Filter rule syntax is checked elsewhere.
 * The checks run in the order that tells the user the most first: a sink scheme cdc4j cannot write to, then the
 * settings cdc4j does not act on yet, then TiCDC's own rules (a missing protocol, values out of range).
 */
public final class ReplicaConfigValidator {
    private static final Duration MIN_SYNC_POINT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MIN_SYNC_POINT_RETENTION = Duration.ofHours(1);
    private static final Duration MIN_ERROR_STUCK_DURATION = Duration.ofMinutes(30);
    private static final long MIN_REDO_FLUSH_INTERVAL_MS = 50;
    private static final Set<String> CONSISTENT_LEVELS = Set.of("", "none", "eventual");
    private static final Set<String> REDO_COMPRESSIONS = Set.of("", "none", "lz4");
    private static final Set<String> REDO_STORAGE_SCHEMES =
            Set.of("s3", "gcs", "gs", "azure", "azblob", "file", "nfs", "local", "blackhole", "noop");
    private static final Set<String> INTEGRITY_CHECK_LEVELS = Set.of("none", "correctness");
    private static final Set<String> CORRUPTION_HANDLE_LEVELS = Set.of("warn", "error");

    private ReplicaConfigValidator() {
    }

    /** Validates for a sink URI scheme with no query parameters. */
    public static ReplicaConfig validate(ReplicaConfig config, String sinkUriScheme) {
        return validate(config, sinkUriScheme, Map.of());
    }

    /**
     * Validates for a sink URI scheme; {@code uriParams} are the sink URI's query parameters, whose
     * {@code protocol} and {@code transaction-atomicity} override the config.
     *
     * @throws io.cdc4j.error.CdcException SINK_URI_INVALID for a scheme cdc4j cannot write to yet, or TiCDC's code and
     *                                     a message naming the field
     */
    public static ReplicaConfig validate(ReplicaConfig config, String sinkUriScheme, Map<String, String> uriParams) {
        SinkKind kind = SinkKind.writableOfScheme(sinkUriScheme);
        UnsupportedSettings.refuse(config, kind, uriParams);
        return ticdcRules(config, sinkUriScheme, uriParams);
    }

    /**
     * TiCDC's checks and adjustments alone, for every scheme TiCDC knows, also the ones cdc4j cannot write to yet.
     *
     * @throws io.cdc4j.error.CdcException with TiCDC's code and a message naming the field
     */
    static ReplicaConfig ticdcRules(ReplicaConfig config, String sinkUriScheme, Map<String, String> uriParams) {
        SinkKind kind = SinkKind.ofScheme(sinkUriScheme);
        String scheme = sinkUriScheme.toLowerCase(Locale.ROOT);
        if (config.enableSyncPoint()) {
            atLeast("sync_point_interval", config.syncPointInterval(), MIN_SYNC_POINT_INTERVAL);
            atLeast("sync_point_retention", config.syncPointRetention(), MIN_SYNC_POINT_RETENTION);
        }
        atLeast("changefeed_error_stuck_duration", config.changefeedErrorStuckDuration(), MIN_ERROR_STUCK_DURATION);
        SinkConfig sink = SinkConfigValidator.validate(config.sink(), kind, uriParams);
        ConsistentConfig consistent = validateConsistent(config.consistent());
        IntegrityConfig integrity = validateIntegrity(config.integrity(), sink, scheme);
        boolean acrossNodesAllowed = scheme.contains("kafka") || scheme.contains("blackhole");
        SchedulerConfig scheduler = acrossNodesAllowed ? config.scheduler() : new SchedulerConfig(false,
                config.scheduler().regionThreshold(), config.scheduler().writeKeyThreshold());
        FilterConfig filter = config.filter().rules().isEmpty()
                ? config.filter().withRules(List.of("*.*"))
                : config.filter();
        long quota = config.memoryQuota() == 0 ? ReplicaConfig.DEFAULT_MEMORY_QUOTA : config.memoryQuota();
        return config.with(quota, filter, sink, consistent, scheduler, integrity);
    }

    private static void atLeast(String field, Duration value, Duration minimum) {
        if (value.compareTo(minimum) < 0) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, field, "must be at least "
                    + GoDuration.format(minimum) + ", got " + GoDuration.format(value));
        }
    }

    private static ConsistentConfig validateConsistent(ConsistentConfig consistent) {
        if (!CONSISTENT_LEVELS.contains(consistent.level())) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.level",
                    "must be none or eventual, got '" + consistent.level() + "'");
        }
        if (!consistent.level().equals("eventual")) {
            return consistent;
        }
        if (consistent.flushInterval() < MIN_REDO_FLUSH_INTERVAL_MS) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.flush_interval",
                    "must be at least " + MIN_REDO_FLUSH_INTERVAL_MS + " ms, got " + consistent.flushInterval());
        }
        ConsistentConfig adjusted = consistent.metaFlushInterval() == 0
                ? consistent.withMetaFlushInterval(ConsistentConfig.DEFAULT_META_FLUSH_INTERVAL_MS)
                : consistent;
        if (adjusted.metaFlushInterval() < MIN_REDO_FLUSH_INTERVAL_MS) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.meta_flush_interval",
                    "must be at least " + MIN_REDO_FLUSH_INTERVAL_MS + " ms, got " + adjusted.metaFlushInterval());
        }
        if (!REDO_COMPRESSIONS.contains(adjusted.compression())) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.compression",
                    "must be none or lz4, got '" + adjusted.compression() + "'");
        }
        checkRedoStorage(adjusted.storage());
        return adjusted;
    }

    private static void checkRedoStorage(String storage) {
        String scheme;
        try {
            scheme = new URI(storage).getScheme();
        } catch (URISyntaxException e) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.storage",
                    "is not a valid URI: '" + storage + "'");
        }
        if (scheme == null || !REDO_STORAGE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.storage",
                    "must be a storage URI (s3, gcs, azblob, file, nfs...) when consistent.level is eventual, got '"
                            + storage + "'");
        }
    }

    private static IntegrityConfig validateIntegrity(IntegrityConfig integrity, SinkConfig sink, String scheme) {
        if (!INTEGRITY_CHECK_LEVELS.contains(integrity.integrityCheckLevel())) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "integrity.integrity_check_level",
                    "must be none or correctness, got '" + integrity.integrityCheckLevel() + "'");
        }
        if (!CORRUPTION_HANDLE_LEVELS.contains(integrity.corruptionHandleLevel())) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "integrity.corruption_handle_level",
                    "must be warn or error, got '" + integrity.corruptionHandleLevel() + "'");
        }
        if (!integrity.integrityCheckLevel().equals("correctness")) {
            return integrity;
        }
        if (!scheme.contains("kafka")) {
            return new IntegrityConfig("none", integrity.corruptionHandleLevel());
        }
        if (!sink.columnSelectors().isEmpty()) {
            throw invalid(ErrorCode.INVALID_REPLICA_CONFIG, "integrity.integrity_check_level",
                    "correctness cannot be used together with sink.column_selectors");
        }
        return integrity;
    }
}
