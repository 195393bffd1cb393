package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.model.ReaderState;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a changefeed's replication stands, stored at {@code /<cluster>/changefeed/status/<ns>/<id>}: the checkpoint
 * with the reader state that resumes after it, and the owner's placement (capture and assignment epoch).
 *
 * @param epoch bumped by the owner on every new placement, so positions of an earlier run are never folded in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangefeedStatus(
        @JsonProperty("checkpoint_ts") long checkpointTs,
        @JsonProperty("reader_state") ReaderState readerState,
        @JsonProperty("capture_id") Optional<String> captureId,
        @JsonProperty("epoch") long epoch) {

    public ChangefeedStatus {
        Objects.requireNonNull(readerState, "readerState");
        captureId = captureId == null ? Optional.empty() : captureId.filter(id -> !id.isEmpty());
        if (checkpointTs <= 0) {
            throw new IllegalArgumentException("checkpoint ts must be positive: " + checkpointTs);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative: " + epoch);
        }
    }

    /** A new changefeed's status: checkpoint at its start ts, nothing read yet, not placed. */
    public static ChangefeedStatus initial(long startTs) {
        return initial(startTs, ReaderState.initial());
    }

    /**
     * A new changefeed's status whose reader starts from {@code readerState} (the binlog end read at creation),
     * checkpoint at its start ts, not placed.
     */
    public static ChangefeedStatus initial(long startTs, ReaderState readerState) {
        return new ChangefeedStatus(startTs, readerState, Optional.empty(), 0);
    }

    /** Placed on a capture under a new epoch. */
    public ChangefeedStatus placedOn(String capture) {
        return new ChangefeedStatus(checkpointTs, readerState, Optional.of(capture), epoch + 1);
    }

    /** Taken off its capture. */
    public ChangefeedStatus unplaced() {
        return new ChangefeedStatus(checkpointTs, readerState, Optional.empty(), epoch);
    }

    /** A new checkpoint with the reader state that resumes after it. */
    public ChangefeedStatus withCheckpoint(long ts, ReaderState state) {
        return new ChangefeedStatus(ts, state, captureId, epoch);
    }
}
