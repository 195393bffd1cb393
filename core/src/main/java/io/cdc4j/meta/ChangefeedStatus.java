package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.model.ReaderState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a changefeed's replication stands, stored at {@code /<cluster>/changefeed/status/<ns>/<id>}: the checkpoint
 * with the reader state that resumes after it, and the owner's placement: the lead capture (which replicates every
 * table not shared out and applies every DDL), the tables shared out to other captures, and the assignment epoch.
 *
 * @param captureId    the lead capture
 * @param epoch        bumped by the owner on every new placement, so positions of an earlier run are never folded in
 * @param shares       the tables given to other captures, by capture id
 * @param balancedOver the captures the owner last balanced the tables over, sorted (a change in them balances again)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangefeedStatus(
        @JsonProperty("checkpoint_ts") long checkpointTs,
        @JsonProperty("reader_state") ReaderState readerState,
        @JsonProperty("capture_id") Optional<String> captureId,
        @JsonProperty("epoch") long epoch,
        @JsonProperty("table_shares") Map<String, TableShare> shares,
        @JsonProperty("balanced_over") List<String> balancedOver) {

    public ChangefeedStatus {
        shares = shares == null ? Map.of() : Map.copyOf(new TreeMap<>(shares));
        balancedOver = balancedOver == null ? List.of() : List.copyOf(new TreeSet<>(balancedOver));
        Objects.requireNonNull(readerState, "readerState");
        captureId = captureId == null ? Optional.empty() : captureId.filter(id -> !id.isEmpty());
        if (checkpointTs <= 0) {
            throw new IllegalArgumentException("checkpoint ts must be positive: " + checkpointTs);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative: " + epoch);
        }
    }

    /** A status placed on at most one capture, with no tables shared out. */
    public ChangefeedStatus(long checkpointTs, ReaderState readerState, Optional<String> captureId, long epoch) {
        this(checkpointTs, readerState, captureId, epoch, Map.of(), List.of());
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

    /** Placed whole on a capture under a new epoch. */
    public ChangefeedStatus placedOn(String capture) {
        return placed(capture, Map.of(), List.of());
    }

    /** Led by {@code lead} with {@code newShares} given to other captures, under a new epoch. */
    public ChangefeedStatus placed(String lead, Map<String, TableShare> newShares, List<String> over) {
        if (newShares.containsKey(lead)) {
            throw new IllegalArgumentException("the lead capture " + lead + " cannot also hold a share");
        }
        return new ChangefeedStatus(checkpointTs, readerState, Optional.of(lead), epoch + 1, newShares, over);
    }

    /** Taken off every capture. */
    public ChangefeedStatus unplaced() {
        return new ChangefeedStatus(checkpointTs, readerState, Optional.empty(), epoch, Map.of(), List.of());
    }

    /** A new checkpoint with the reader state that resumes after it. */
    public ChangefeedStatus withCheckpoint(long ts, ReaderState state) {
        return new ChangefeedStatus(ts, state, captureId, epoch, shares, balancedOver);
    }

    /** The same placement, recorded as balanced over {@code over}. */
    public ChangefeedStatus withBalancedOver(List<String> over) {
        return new ChangefeedStatus(checkpointTs, readerState, captureId, epoch, shares, over);
    }

    /**
     * The positions of this placement's processors among {@code all}: those of its participants published in its
     * epoch (none while it is not placed).
     */
    public Map<String, TaskPosition> currentRun(Map<String, TaskPosition> all) {
        Map<String, TaskPosition> run = new TreeMap<>();
        if (captureId.isEmpty()) {
            return run;
        }
        for (String capture : participants()) {
            TaskPosition position = all.get(capture);
            if (position != null && position.epoch() == epoch) {
                run.put(capture, position);
            }
        }
        return run;
    }

    /** Every capture running part of the changefeed in this epoch: the lead and those holding a share. */
    public Set<String> participants() {
        Set<String> all = new TreeSet<>(shares.keySet());
        captureId.ifPresent(all::add);
        return all;
    }
}
