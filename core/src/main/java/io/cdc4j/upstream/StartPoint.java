package io.cdc4j.upstream;

import io.cdc4j.model.ReaderPosition;
import java.util.Objects;

/** Where a {@link BinlogReader} begins: the current end of the binlog, a ts in the past, or a saved position. */
public sealed interface StartPoint {
    /** Start at the current end of the binlog (a changefeed with no start_ts). */
    record Now() implements StartPoint {
    }

    /** Start with the first transaction committed after {@code startTs}. */
    record AtTs(long startTs) implements StartPoint {
        public AtTs {
            if (startTs <= 0) {
                throw new IllegalArgumentException("start ts must be positive: " + startTs);
            }
        }
    }

    /** Resume after a saved position (a checkpoint). */
    record AtPosition(ReaderPosition position) implements StartPoint {
        public AtPosition {
            Objects.requireNonNull(position, "position");
        }
    }
}
