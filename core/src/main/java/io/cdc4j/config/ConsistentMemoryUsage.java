package io.cdc4j.config;

/** {@code consistent.memory_usage}: the share of the changefeed's memory quota the redo log may use. */
public record ConsistentMemoryUsage(long memoryQuotaPercentage) {
    /** TiCDC's default: 50 percent. */
    public static ConsistentMemoryUsage defaults() {
        return new ConsistentMemoryUsage(50);
    }
}
