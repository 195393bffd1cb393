package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.model.ReaderState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a processor reports about its run of a changefeed, at {@code /<cluster>/task/<ns>/<changefeed>/<capture>}
 * (ephemeral: it goes with the capture's session).
 *
 * @param epoch        the placement epoch this run belongs to
 * @param checkpointTs everything with commit ts at or below it is durably in the sink
 * @param readerState  the reader state that resumes right after {@code checkpointTs}
 * @param resolvedTs   everything with commit ts at or below it has been read
 * @param lastSyncedTs the largest commit ts written to the sink
 * @param tableIds     the tables this processor replicates
 * @param allTableIds  the lead's report of every table of the changefeed (empty from a processor holding a share)
 * @param reachedDdls  how many DDLs this run's processor reached with every earlier write durable, counted from the
 *                     run's start point (which every processor of one run shares, so the n-th DDL is the same one
 *                     on every capture, unlike its commit ts, which each capture's reader stamps itself; a
 *                     processor holding a share waits there until the lead has applied it)
 * @param appliedDdls  how many DDLs of this run the lead has applied downstream (or passed over, as before the
 *                     start checkpoint)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskPosition(
        @JsonProperty("epoch") long epoch,
        @JsonProperty("checkpoint_ts") long checkpointTs,
        @JsonProperty("reader_state") ReaderState readerState,
        @JsonProperty("resolved_ts") long resolvedTs,
        @JsonProperty("last_synced_ts") long lastSyncedTs,
        @JsonProperty("table_ids") List<Long> tableIds,
        @JsonProperty("error") Optional<RunningError> error,
        @JsonProperty("warning") Optional<RunningError> warning,
        @JsonProperty("changefeed_table_ids") List<Long> allTableIds,
        @JsonProperty("reached_ddls") long reachedDdls,
        @JsonProperty("applied_ddls") long appliedDdls) {

    public TaskPosition {
        Objects.requireNonNull(readerState, "readerState");
        tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
        allTableIds = allTableIds == null ? List.of() : List.copyOf(allTableIds);
        error = error == null ? Optional.empty() : error;
        warning = warning == null ? Optional.empty() : warning;
        if (checkpointTs <= 0 || resolvedTs < checkpointTs) {
            throw new IllegalArgumentException("need 0 < checkpoint ts " + checkpointTs + " <= resolved ts " + resolvedTs);
        }
    }

    /** A run that has just started from a checkpoint. */
    public static TaskPosition starting(long epoch, long checkpointTs, ReaderState state) {
        return new TaskPosition(epoch, checkpointTs, state, checkpointTs, 0, List.of(), Optional.empty(),
                Optional.empty(), List.of(), 0, 0);
    }

    public TaskPosition withError(RunningError newError) {
        return new TaskPosition(epoch, checkpointTs, readerState, resolvedTs, lastSyncedTs, tableIds,
                Optional.of(newError), warning, allTableIds, reachedDdls, appliedDdls);
    }
}
