package io.cdc4j.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {
    private static final Duration POLL = Duration.ofMillis(10);

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final ProgressTracker<String> tracker =
            new ProgressTracker<>(new ProgressTracker.Checkpoint<>(5, "start"), failures::add);

    @Test
    void aCheckpointWaitsForEveryEarlierWriteWhateverOrderTheyCompleteIn() {
        Completion first = tracker.add(10);
        Completion second = tracker.add(20);
        tracker.resolved(20, "at 20");

        second.done();
        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(5, "start"));
        first.done();
        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(20, "at 20"));
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.size()).isZero();
    }

    @Test
    void eachResolvedTsBecomesTheCheckpointOnceTheWritesBeforeItComplete() {
        Completion first = tracker.add(10);
        tracker.resolved(15, "at 15");
        Completion second = tracker.add(20);
        tracker.resolved(25, "at 25");

        first.done();
        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(15, "at 15"));
        second.done();
        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(25, "at 25"));
    }

    @Test
    void withNothingInFlightAResolvedTsIsTheCheckpointAtOnce() {
        tracker.resolved(7, "at 7");

        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(7, "at 7"));
        assertThat(tracker.size()).isZero();
    }

    @Test
    void resolvedTsWithNoWriteBetweenThemAreKeptAsTheNewest() {
        Completion slow = tracker.add(10);
        for (long ts = 11; ts < 10_000; ts++) {
            tracker.resolved(ts, "at " + ts);
        }

        assertThat(tracker.size()).isEqualTo(2);
        slow.done();
        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(9_999, "at 9999"));
    }

    @Test
    void anOldOrRepeatedResolvedTsIsIgnored() {
        tracker.resolved(30, "at 30");
        tracker.resolved(30, "again");
        tracker.resolved(20, "older");

        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(30, "at 30"));
    }

    @Test
    void aWriteAtOrBelowTheResolvedTsIsRefusedSoNoCheckpointCanPassIt() {
        tracker.resolved(30, "at 30");

        assertThatThrownBy(() -> tracker.add(30)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commit ts 30").hasMessageContaining("resolved ts 30");
        assertThatThrownBy(() -> tracker.add(4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedWriteHoldsTheCheckpointForGoodAndIsReportedOnce() {
        Completion first = tracker.add(10);
        tracker.resolved(10, "at 10");
        Completion failing = tracker.add(20);
        tracker.resolved(20, "at 20");
        Completion later = tracker.add(30);
        tracker.resolved(30, "at 30");
        RuntimeException cause = new RuntimeException("downstream refused");

        first.done();
        failing.failed(cause);
        failing.done();
        later.failed(new RuntimeException("second"));

        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(10, "at 10"));
        assertThat(failures).containsExactly(cause);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void onlyTheFirstCallOfACompletionCounts() {
        Completion first = tracker.add(10);
        Completion second = tracker.add(20);

        first.done();
        first.done();
        first.failed(new RuntimeException("late"));

        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(failures).isEmpty();
        second.done();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void awaitIdleReturnsOnceEveryWriteCompletedOnAnotherThread() throws Exception {
        Completion pending = tracker.add(10);
        Thread completer = Thread.ofPlatform().start(() -> {
            Thread.onSpinWait();
            pending.done();
        });

        assertThat(tracker.awaitIdle(() -> false, POLL)).isTrue();
        completer.join();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void awaitIdleGivesUpOnAFailureOrWhenAbandoned() throws Exception {
        tracker.add(10).failed(new RuntimeException("down"));
        tracker.add(20);
        assertThat(tracker.awaitIdle(() -> false, POLL)).isFalse();

        ProgressTracker<String> other = new ProgressTracker<>(new ProgressTracker.Checkpoint<>(0, ""), e -> { });
        other.add(1);
        assertThat(other.awaitIdle(() -> true, POLL)).isFalse();
    }

    @Test
    void completionsFromManyThreadsInAnyOrderEndAtTheLastResolvedTs() throws Exception {
        List<Completion> writes = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            writes.add(tracker.add(10 + 2L * i));
            if (i % 7 == 0) {
                tracker.resolved(10 + 2L * i + 1, "at " + i);
            }
        }
        tracker.resolved(100_000, "last");
        Collections.shuffle(writes, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Completion write : writes) {
            pool.execute(write::done);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(tracker.checkpoint()).isEqualTo(new ProgressTracker.Checkpoint<>(100_000, "last"));
        assertThat(tracker.size()).isZero();
    }
}
