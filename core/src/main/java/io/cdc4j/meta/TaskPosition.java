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
        @JsonProperty("warning") Optional<RunningError> warning) {

    public TaskPosition {
        Objects.requireNonNull(readerState, "readerState");
        tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
        error = error == null ? Optional.empty() : error;
        warning = warning == null ? Optional.empty() : warning;
        if (checkpointTs <= 0 || resolvedTs < checkpointTs) {
            throw new IllegalArgumentException("need 0 < checkpoint ts " + checkpointTs + " <= resolved ts " + resolvedTs);
        }
    }

    /** A run that has just started from a checkpoint. */
    public static TaskPosition starting(long epoch, long checkpointTs, ReaderState state) {
        return new TaskPosition(epoch, checkpointTs, state, checkpointTs, 0, List.of(), Optional.empty(),
                Optional.empty());
    }

    public TaskPosition withError(RunningError newError) {
        return new TaskPosition(epoch, checkpointTs, readerState, resolvedTs, lastSyncedTs, tableIds,
                Optional.of(newError), warning);
    }
}
