package io.cdc4j.bench.targets;

import io.cdc4j.bench.upstream.BinlogPoint;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a target needs to start reading.
 *
 * @param port the upstream's port on 127.0.0.1 (user root, no password)
 * @param from where in the binlog to start
 * @param memoryQuotaBytes the memory quota for targets that have one (cdc4j's memory_quota)
 * @param workDir a directory of the target's own for offsets and schema history
 * @param span where changefeeds start and end, and the downstream or the Kafka broker for targets that write to one
 */
public record TargetSetup(int port, BinlogPoint from, long memoryQuotaBytes, Path workDir, WorkloadSpan span) {
    public TargetSetup {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(span, "span");
    }

    /** A binlog client server id that no other reader of this run uses. */
    public long serverId() {
        return 100_000 + ProcessHandle.current().pid() % 100_000;
    }
}
