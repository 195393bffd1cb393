package io.cdc4j.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ReaderState;
import java.util.Optional;

/** Converts the binlog reader's position to and from the opaque state saved with every checkpoint. */
public final class ReaderStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderStates() {
    }

    /** The state saved for {@code position}. */
    public static ReaderState of(ReaderPosition position) {
        return ReaderState.of(JSON.<ObjectNode>valueToTree(position));
    }

    /** The saved position; absent for the initial state of a new changefeed. */
    public static Optional<ReaderPosition> position(ReaderState state) {
        if (state.isInitial()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(state.json(), ReaderPosition.class));
        } catch (Exception e) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the saved reader state is not a binlog position: "
                    + state.json(), e);
        }
    }

    /** The saved position; absent for the initial state and for a state that is not one (an in-process source's). */
    public static Optional<ReaderPosition> positionIfAny(ReaderState state) {
        try {
            return position(state);
        } catch (CdcException e) {
            return Optional.empty();
        }
    }
}
