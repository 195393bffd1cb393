package io.cdc4j.config;

import java.util.Optional;

/** {@code sink.cloud_storage_config}: storage sink settings that can also be given as sink-URI parameters; every field may be unset. */
public record CloudStorageConfig(
        Optional<Integer> workerCount,
        Optional<String> flushInterval,
        Optional<Integer> fileSize,
        Optional<Boolean> outputColumnId,
        Optional<Integer> fileExpirationDays,
        Optional<String> fileCleanupCronSpec,
        Optional<Integer> flushConcurrency,
        Optional<Boolean> outputRawChangeEvent) {

    public CloudStorageConfig {
        workerCount = Values.opt(workerCount);
        flushInterval = Values.opt(flushInterval);
        fileSize = Values.opt(fileSize);
        outputColumnId = Values.opt(outputColumnId);
        fileExpirationDays = Values.opt(fileExpirationDays);
        fileCleanupCronSpec = Values.opt(fileCleanupCronSpec);
        flushConcurrency = Values.opt(flushConcurrency);
        outputRawChangeEvent = Values.opt(outputRawChangeEvent);
    }
}
