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

    /** Move a running changefeed (its one binlog stream) to the given capture. */
    record Move(ChangefeedId changefeed, String captureId) implements AdminJob {
        public Move {
            Objects.requireNonNull(changefeed, "changefeed");
            Objects.requireNonNull(captureId, "captureId");
        }
    }
}
