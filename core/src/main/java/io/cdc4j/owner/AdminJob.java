package io.cdc4j.owner;

import io.cdc4j.model.ChangefeedId;
import java.util.Objects;

/** A user's request about one changefeed that the owner applies on its next tick (TiCDC's admin jobs). */
public sealed interface AdminJob {
    ChangefeedId changefeed();

    /** Stop a running or pending changefeed. */
    record Pause(ChangefeedId changefeed) implements AdminJob {
        public Pause {
            Objects.requireNonNull(changefeed, "changefeed");
        }
    }

    /**
     * Resume a stopped, failed or finished changefeed.
     *
     * @param overwriteCheckpointTs 0 to resume from the checkpoint, else the new start ts and checkpoint
     */
    record Resume(ChangefeedId changefeed, long overwriteCheckpointTs) implements AdminJob {
        public Resume {
            Objects.requireNonNull(changefeed, "changefeed");
            if (overwriteCheckpointTs < 0) {
                throw new IllegalArgumentException("overwrite checkpoint ts must not be negative");
            }
        }
    }

    /** Remove the changefeed and all its keys. */
    record Remove(ChangefeedId changefeed) implements AdminJob {
        public Remove {
            Objects.requireNonNull(changefeed, "changefeed");
        }
    }

    /**
     * Move one table of a running changefeed to the given capture (TiCDC's {@code move_table}); where the
     * changefeed's captures cannot share tables, the whole changefeed moves there.
     */
    record MoveTable(ChangefeedId changefeed, String captureId, long tableId) implements AdminJob {
        public MoveTable {
            Objects.requireNonNull(changefeed, "changefeed");
            Objects.requireNonNull(captureId, "captureId");
        }
    }

    /** Spread a running changefeed's tables evenly over the captures that can run them (TiCDC's rebalance). */
    record Rebalance(ChangefeedId changefeed) implements AdminJob {
        public Rebalance {
            Objects.requireNonNull(changefeed, "changefeed");
        }
    }
}
