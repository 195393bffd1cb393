package io.cdc4j.owner;

import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ReaderState;
import io.cdc4j.upstream.ReaderStates;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The reader state a changefeed whose tables are spread over captures resumes from: the one earliest in the binlog.
 * Each capture's reader stamps its own commit ts (they agree on the binlog, not on the ts, which resolved ts moves
 * on each reader's own schedule), so the processor with the least checkpoint ts need not be the one furthest behind
 * in the binlog; resuming every processor from the earliest position replays what some may have written, and skips
 * nothing any of them has not.
 */
final class ResumeState {
    private ResumeState() {
    }

    /**
     * The reader state earliest in the binlog among the positions; when a state is not a binlog position (an
     * in-process source's), that of the least checkpoint ts.
     */
    static ReaderState earliest(Collection<TaskPosition> positions) {
        TaskPosition leastTs = positions.stream().min(Comparator.comparingLong(TaskPosition::checkpointTs))
                .orElseThrow();
        if (positions.size() == 1) {
            return leastTs.readerState();
        }
        ReaderState earliest = null;
        ReaderPosition earliestPosition = null;
        for (TaskPosition position : positions) {
            Optional<ReaderPosition> at = ReaderStates.positionIfAny(position.readerState());
            if (at.isEmpty()) {
                return leastTs.readerState();
            }
            if (earliestPosition == null || at.get().compareInStream(earliestPosition) < 0) {
                earliestPosition = at.get();
                earliest = position.readerState();
            }
        }
        return earliest;
    }
}
