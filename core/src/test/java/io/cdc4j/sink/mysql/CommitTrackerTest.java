package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitTrackerTest {
    @Test
    void durableStaysBelowTheOldestUncommittedTransaction() {
        CommitTracker tracker = new CommitTracker();
        tracker.opened(10);
        tracker.opened(10);
        tracker.opened(20);
        tracker.resolved(25);
        assertThat(tracker.durable()).isEqualTo(9);
        tracker.committed(20);
        assertThat(tracker.durable()).as("a later commit does not move past an earlier open one").isEqualTo(9);
        tracker.committed(10);
        assertThat(tracker.durable()).as("one of two table transactions of ts 10 is still open").isEqualTo(9);
        tracker.committed(10);
        assertThat(tracker.durable()).isEqualTo(25);
        tracker.opened(30);
        tracker.resolved(40);
        assertThat(tracker.durable()).isEqualTo(29);
        assertThat(tracker.pending()).isEqualTo(1);
    }

    @Test
    void durableNeverGoesBack() {
        CommitTracker tracker = new CommitTracker();
        tracker.resolved(50);
        assertThat(tracker.durable()).isEqualTo(50);
        tracker.opened(40);
        assertThat(tracker.durable()).isEqualTo(50);
    }
}
