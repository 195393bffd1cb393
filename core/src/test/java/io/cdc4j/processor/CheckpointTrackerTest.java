package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdc4j.model.ReaderState;
import org.junit.jupiter.api.Test;

class CheckpointTrackerTest {
    static ReaderState at(long pos) {
        return new ReaderState(JsonNodeFactory.instance.objectNode().put("pos", pos));
    }

    @Test
    void theCheckpointIsTheNewestResolvedTsTheSinkHolds() {
        CheckpointTracker tracker = new CheckpointTracker(10);
        tracker.resolved(10, at(1));
        tracker.resolved(20, at(2));
        tracker.resolved(30, at(3));
        assertThat(tracker.advance(5)).isEmpty();
        var point = tracker.advance(25).orElseThrow();
        assertThat(point.ts()).isEqualTo(20);
        assertThat(point.state()).isEqualTo(at(2));
        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void whenFullTheNewestEntryIsReplacedSoTheCheckpointOnlyWaitsLonger() {
        CheckpointTracker tracker = new CheckpointTracker(2);
        tracker.resolved(10, at(1));
        tracker.resolved(20, at(2));
        tracker.resolved(30, at(3));
        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.advance(25).orElseThrow().ts()).isEqualTo(10);
        assertThat(tracker.advance(30).orElseThrow().state()).isEqualTo(at(3));
    }
}
