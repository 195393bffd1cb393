package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * A changefeed's {@code replica_config}: the whole tree TiCDC accepts in its v2 API and TOML files. Sub-sections and
 * durations that a request leaves out take TiCDC's defaults; top-level scalars left out are false/0.
 */
public record ReplicaConfig(
        long memoryQuota,
        boolean caseSensitive,
        boolean forceReplicate,
        boolean ignoreIneligibleTable,
        boolean checkGcSafePoint,
        boolean enableSyncPoint,
        boolean enableTableMonitor,
        boolean bdrMode,
        Duration syncPointInterval,
        Duration syncPointRetention,
        FilterConfig filter,
        MounterConfig mounter,
        SinkConfig sink,
        ConsistentConfig consistent,
        SchedulerConfig scheduler,
        IntegrityConfig integrity,
        Duration changefeedErrorStuckDuration,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String sqlMode,
        SyncedStatusConfig syncedStatus) {

    /** TiCDC's memory quota per changefeed: 1 GiB. */
    public static final long DEFAULT_MEMORY_QUOTA = 1L << 30;
    static final Duration DEFAULT_SYNC_POINT_INTERVAL = Duration.ofMinutes(10);
    static final Duration DEFAULT_SYNC_POINT_RETENTION = Duration.ofHours(24);
    static final Duration DEFAULT_ERROR_STUCK_DURATION = Duration.ofMinutes(30);

    public ReplicaConfig {
        Values.unsigned("memory_quota", memoryQuota);
        syncPointInterval = Values.orDefault(syncPointInterval, () -> DEFAULT_SYNC_POINT_INTERVAL);
        syncPointRetention = Values.orDefault(syncPointRetention, () -> DEFAULT_SYNC_POINT_RETENTION);
        filter = Values.orDefault(filter, FilterConfig::defaults);
        mounter = Values.orDefault(mounter, MounterConfig::defaults);
        sink = Values.orDefault(sink, SinkConfig::defaults);
        consistent = Values.orDefault(consistent, ConsistentConfig::defaults);
        scheduler = Values.orDefault(scheduler, SchedulerConfig::defaults);
        integrity = Values.orDefault(integrity, IntegrityConfig::defaults);
        changefeedErrorStuckDuration = Values.orDefault(changefeedErrorStuckDuration, () -> DEFAULT_ERROR_STUCK_DURATION);
        sqlMode = Values.text(sqlMode);
        syncedStatus = Values.orDefault(syncedStatus, SyncedStatusConfig::defaults);
    }

    /** TiCDC's default replica config ({@code GetDefaultReplicaConfig}). */
    public static ReplicaConfig defaults() {
        return new ReplicaConfig(DEFAULT_MEMORY_QUOTA, false, false, false, true, false, false, false,
                DEFAULT_SYNC_POINT_INTERVAL, DEFAULT_SYNC_POINT_RETENTION, FilterConfig.defaults(),
                MounterConfig.defaults(), SinkConfig.defaults(), ConsistentConfig.defaults(),
                SchedulerConfig.defaults(), IntegrityConfig.defaults(), DEFAULT_ERROR_STUCK_DURATION, "",
                SyncedStatusConfig.defaults());
    }

    /**
     * Checks this config for a sink of the given URI scheme and returns it adjusted as TiCDC adjusts it; a scheme
     * cdc4j cannot write to yet, and a setting it does not act on yet set to anything but its default, are refused.
     *
     * @throws io.cdc4j.error.CdcException with TiCDC's code and a message naming the offending field
     */
    public ReplicaConfig validate(String sinkUriScheme) {
        return ReplicaConfigValidator.validate(this, sinkUriScheme);
    }

    ReplicaConfig with(long quota, FilterConfig newFilter, SinkConfig newSink, ConsistentConfig newConsistent,
            SchedulerConfig newScheduler, IntegrityConfig newIntegrity) {
        return new ReplicaConfig(quota, caseSensitive, forceReplicate, ignoreIneligibleTable, checkGcSafePoint,
                enableSyncPoint, enableTableMonitor, bdrMode, syncPointInterval, syncPointRetention, newFilter,
                mounter, newSink, newConsistent, newScheduler, newIntegrity, changefeedErrorStuckDuration, sqlMode,
                syncedStatus);
    }
}
