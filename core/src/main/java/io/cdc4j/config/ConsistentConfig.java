package io.cdc4j.config;

import java.util.Optional;

/** The {@code consistent} section: the redo log that makes a MySQL sink recoverable to a consistent snapshot. */
public record ConsistentConfig(
        String level,
        long maxLogSize,
        long flushInterval,
        long metaFlushInterval,
        int encodingWorkerNum,
        int flushWorkerNum,
        String storage,
        boolean useFileBackend,
        String compression,
        Optional<Integer> flushConcurrency,
        Optional<ConsistentMemoryUsage> memoryUsage) {

    /** The meta flush interval used when none is given (ms). */
    public static final long DEFAULT_META_FLUSH_INTERVAL_MS = 200;

    public ConsistentConfig {
        level = Values.text(level);
        storage = Values.text(storage);
        compression = Values.text(compression);
        flushConcurrency = Values.opt(flushConcurrency);
        memoryUsage = Values.opt(memoryUsage);
    }

    /** TiCDC's default: redo off, 64 MiB files, flush every 2000 ms, meta every 200 ms, 16 encoders, 8 flushers. */
    public static ConsistentConfig defaults() {
        return new ConsistentConfig("none", 64, 2000, DEFAULT_META_FLUSH_INTERVAL_MS, 16, 8, "", false, "",
                Optional.empty(), Optional.of(ConsistentMemoryUsage.defaults()));
    }

    ConsistentConfig withMetaFlushInterval(long millis) {
        return new ConsistentConfig(level, maxLogSize, flushInterval, millis, encodingWorkerNum, flushWorkerNum,
                storage, useFileBackend, compression, flushConcurrency, memoryUsage);
    }
}
