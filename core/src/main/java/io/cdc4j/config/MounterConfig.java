package io.cdc4j.config;

/** The {@code mounter} section: how many workers decode row events. */
public record MounterConfig(int workerNum) {
    /** TiCDC's default: 16 workers. */
    public static MounterConfig defaults() {
        return new MounterConfig(16);
    }
}
