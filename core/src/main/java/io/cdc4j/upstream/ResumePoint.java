package io.cdc4j.upstream;

import io.cdc4j.model.ReaderPosition;
import java.util.Objects;

/**
 * A start point made concrete: where the binlog client connects, the ts floor, and the binlog time (ms)
 * up to which transactions are skipped because they precede a start ts (-1: none are skipped).
 */
record ResumePoint(ReaderPosition position, long skipUntilMillis) {
    ResumePoint {
        Objects.requireNonNull(position, "position");
    }
}
