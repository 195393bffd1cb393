package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.Tso;
import io.cdc4j.upstream.ReaderStates;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumeStateTest {
    private static final long T0 = 1_700_000_000_000L;

    private static TaskPosition at(String file, long offset, long checkpointMillis) {
        ReaderState state = ReaderStates.of(new ReaderPosition(file, offset, "", checkpointMillis, 0));
        long ts = Tso.compose(checkpointMillis, 0);
        return new TaskPosition(3, ts, state, ts, 0, List.of(), Optional.empty(), Optional.empty(), List.of(), 0, 0);
    }

    @Test
    void theStateEarliestInTheBinlogWinsEvenWhenAnotherCaptureStampedALowerTs() {
        TaskPosition behindWithAHigherTs = at("binlog.000002", 400, T0 + 900);
        TaskPosition aheadWithALowerTs = at("binlog.000002", 9_000, T0 + 100);
        assertThat(ResumeState.earliest(List.of(aheadWithALowerTs, behindWithAHigherTs)))
                .isEqualTo(behindWithAHigherTs.readerState());
    }

    @Test
    void filesAreOrderedByTheirNumberNotTheirName() {
        TaskPosition inFile9 = at("binlog.999999", 100_000, T0);
        TaskPosition inFile10 = at("binlog.1000000", 4, T0);
        assertThat(ResumeState.earliest(List.of(inFile10, inFile9))).isEqualTo(inFile9.readerState());
    }

    @Test
    void statesThatAreNoBinlogPositionFallBackToTheLeastCheckpoint() {
        ReaderState opaque = ReaderState.of(JsonNodeFactory.instance.objectNode().put("offset", 7));
        TaskPosition low = new TaskPosition(1, 100, opaque, 100, 0, List.of(), Optional.empty(), Optional.empty(),
                List.of(), 0, 0);
        TaskPosition high = at("binlog.000001", 4, T0);
        assertThat(ResumeState.earliest(List.of(high, low))).isEqualTo(opaque);
    }
}
