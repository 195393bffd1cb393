package io.cdc4j.config;

/** The {@code synced_status} section: the intervals (seconds) the synced API judges a changefeed by. */
public record SyncedStatusConfig(long syncedCheckInterval, long checkpointInterval) {
    /** TiCDC's default: 300 s and 15 s. */
    public static SyncedStatusConfig defaults() {
        return new SyncedStatusConfig(300, 15);
    }
}
