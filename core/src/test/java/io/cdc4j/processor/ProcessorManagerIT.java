package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderState;
import io.cdc4j.testing.FedChangeSources;
import io.cdc4j.testing.TestZooKeeper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processors of one capture against a real ZooKeeper: they follow placements and states, a start that ZooKeeper
 * refuses is retried with backoff and shown, an outage is ridden out, an Error from one changefeed's sink fails
 * that changefeed without freezing the others, and a sink whose open or close blocks delays no other changefeed and
 * no later run of its own beyond the stop wait.
 */
class ProcessorManagerIT {
    static final String ME = "capture-1";
    static final Duration DEADLINE = Duration.ofSeconds(20);
    /** How long a new run waits for its previous run to stop, short here so that abandoning one is quick to see. */
    static final Duration STOP_WAIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    MetaOnZooKeeper meta;
    final FedChangeSources sources = new FedChangeSources();
    final ScriptedSinks sinks = new ScriptedSinks();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Throwable> exits = new CopyOnWriteArrayList<>();
    ProcessorManager manager;

    @BeforeEach
    void start() {
        meta = new MetaOnZooKeeper(dir.resolve("zk"));
        manager = manager();
    }

    private ProcessorManager manager() {
        return new ProcessorManager(meta.changefeeds, meta.tasks, () -> ME, "127.0.0.1:8300", sinks.sinks(),
                sources, Duration.ofMillis(20), new ProcessorMetrics(registry), exits::add, STOP_WAIT);
    }

    @AfterEach
    void stop() {
        manager.close();
        meta.close();
    }

    private Optional<TaskPosition> position(ChangefeedId id) {
        return meta.position(id, ME);
    }

    private TaskPosition awaitPosition(ChangefeedId id, java.util.function.Predicate<TaskPosition> condition) {
        return await().atMost(DEADLINE).until(() -> position(id).filter(condition).orElse(null), p -> p != null);
    }

    @Test
    void aPlacedChangefeedRunsAndPublishesAndAPlacementElsewhereStopsIt() {
        ChangefeedId id = meta.placed("here", ME);
        ChangefeedId other = meta.placed("there", "capture-2");
        manager.start();
        sources.running(id).consumer().onResolved(2_000, ReaderState.initial());
        awaitPosition(id, p -> p.checkpointTs() == 2_000);
        assertThat(manager.runningChangefeeds()).containsExactly(id);
        assertThat(sources.sourcesOf(other)).isEmpty();

        meta.place(id, "capture-2");
        await().atMost(DEADLINE).until(() -> sources.sourcesOf(id).getFirst().isClosed());
        await().atMost(DEADLINE).until(() -> position(id).isEmpty());
        assertThat(manager.runningChangefeeds()).isEmpty();
    }

    @Test
    void aNewEpochRestartsTheProcessorFromTheStatusCheckpoint() {
        ChangefeedId id = meta.placed("epochs", ME);
        manager.start();
        var first = sources.running(id);
        first.consumer().onResolved(2_000, ReaderState.initial());
        awaitPosition(id, p -> p.checkpointTs() == 2_000);
        meta.changefeeds.updateStatus(id, s -> s.withCheckpoint(2_000, ReaderState.initial()));

        long epoch = meta.place(id, ME);
        var second = await().atMost(DEADLINE).until(() -> sources.sourcesOf(id).getLast(), s -> s != first);
        assertThat(first.isClosed()).isTrue();
        assertThat(second.startTs()).isEqualTo(2_000);
        awaitPosition(id, p -> p.epoch() == epoch);
    }

    @Test
    void aChangefeedNoLongerRunningIsStopped() {
        ChangefeedId id = meta.placed("paused", ME);
        manager.start();
        var source = sources.running(id);
        awaitPosition(id, p -> true);
        meta.setState(id, ChangefeedState.STOPPED);
        await().atMost(DEADLINE).until(source::isClosed);
        await().atMost(DEADLINE).until(() -> position(id).isEmpty());
        assertThat(manager.runningChangefeeds()).isEmpty();
    }

    @Test
    void aStartZooKeeperRefusesIsRetriedWithBackoffShownAndRunsOnceZooKeeperAccepts() throws Exception {
        ChangefeedId id = meta.placed("refused", ME);
        meta.refuseNewPositions(id);
        manager.start();
        await().atMost(DEADLINE).until(() -> startFailures(id) >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> position(id).isEmpty());
        assertThat(manager.runningChangefeeds()).as("a processor that never published is not running").isEmpty();
        assertThat(sources.sourcesOf(id)).as("nothing runs unseen").isEmpty();
        assertThat(startFailures(id)).as("with backoff, not every 20 ms round").isBetween(1.0, 6.0);

        meta.allowNewPositions(id);
        TaskPosition started = awaitPosition(id, p -> true);
        assertThat(started.warning().orElseThrow().code()).isEqualTo(ErrorCode.META_STORE.code());
        assertThat(started.warning().orElseThrow().message()).contains("failed attempts");
        assertThat(manager.runningChangefeeds()).containsExactly(id);
        sources.running(id).consumer().onResolved(3_000, ReaderState.initial());
        TaskPosition delivering = awaitPosition(id, p -> p.checkpointTs() == 3_000);
        assertThat(delivering.warning()).isEmpty();
    }

    @Test
    void aZooKeeperOutageIsRiddenOutAndThePositionPublishedAfterIt() {
        manager.close();
        meta.close();
        Path data = dir.resolve("outage");
        meta = new MetaOnZooKeeper(data, Duration.ofSeconds(2));
        manager = manager();
        ChangefeedId id = meta.placed("outage", ME);
        manager.start();
        var consumer = sources.running(id).consumer();
        awaitPosition(id, p -> true);
        int port = meta.zk.port();
        meta.zk.close();
        consumer.onResolved(4_000, ReaderState.initial());
        // the round waits in Curator's retries while ZooKeeper is down; should the session (and with it the
        // ephemeral position) expire meanwhile, the processor publishes its position anew
        await().atMost(DEADLINE).until(() -> !meta.client.getZookeeperClient().isConnected());
        TestZooKeeper restarted = new TestZooKeeper(data, port);
        try {
            TaskPosition after = awaitPosition(id, p -> p.checkpointTs() == 4_000);
            assertThat(after.resolvedTs()).isEqualTo(4_000);
            assertThat(sources.sourcesOf(id)).as("the processor ran on through the outage").hasSize(1);
            assertThat(manager.runningChangefeeds()).containsExactly(id);
        } finally {
            manager.close();
            restarted.close();
        }
    }

    @Test
    void anOutOfMemoryErrorFromOneSinkFailsItsChangefeedAsksForTheExitAndTheOthersKeepReporting() {
        ChangefeedId doomed = meta.placed("doomed", ME);
        ChangefeedId healthy = meta.placed("healthy", ME);
        OutOfMemoryError fake = new OutOfMemoryError("fake");
        sinks.throwOnFlush(doomed, () -> fake);
        manager.start();
        sources.running(doomed).consumer().onResolved(2_000, ReaderState.initial());
        TaskPosition failed = awaitPosition(doomed, p -> p.error().isPresent());
        assertThat(failed.error().orElseThrow().code()).isEqualTo("CDC:ErrProcessorUnknown");
        assertThat(failed.error().orElseThrow().message()).isEqualTo("java.lang.OutOfMemoryError: fake");
        await().atMost(DEADLINE).until(() -> exits.contains(fake));

        sources.running(healthy).consumer().onResolved(5_000, ReaderState.initial());
        awaitPosition(healthy, p -> p.checkpointTs() == 5_000);
        assertThat(exits).containsExactly(fake);
    }

    @Test
    void aNonFatalErrorFromOneSinkFailsOnlyItsChangefeedAndTheProcessKeepsGoing() {
        ChangefeedId broken = meta.placed("broken", ME);
        ChangefeedId healthy = meta.placed("fine", ME);
        sinks.throwOnFlush(broken, () -> new AssertionError("fake"));
        manager.start();
        sources.running(broken).consumer().onResolved(2_000, ReaderState.initial());
        assertThat(awaitPosition(broken, p -> p.error().isPresent()).error().orElseThrow().message())
                .isEqualTo("java.lang.AssertionError: fake");
        sources.running(healthy).consumer().onResolved(6_000, ReaderState.initial());
        awaitPosition(healthy, p -> p.checkpointTs() == 6_000);
        assertThat(exits).isEmpty();
    }

    @Test
    void aSinkBlockedInOneChangefeedDoesNotFreezeTheOthersPositions() throws Exception {
        ChangefeedId stuck = meta.placed("stuck", ME);
        ChangefeedId healthy = meta.placed("moving", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockOnFlush(stuck, release);
        manager.start();
        var stuckConsumer = sources.running(stuck).consumer();
        Thread dispatch = Thread.ofPlatform().start(() -> stuckConsumer.onResolved(2_000, ReaderState.initial()));
        try {
            assertThat(blocked.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            sources.running(healthy).consumer().onResolved(7_000, ReaderState.initial());
            awaitPosition(healthy, p -> p.checkpointTs() == 7_000);
            assertThat(position(stuck).orElseThrow().checkpointTs()).isEqualTo(MetaOnZooKeeper.START_TS);
        } finally {
            release.countDown();
            dispatch.join(10_000);
        }
        awaitPosition(stuck, p -> p.checkpointTs() == 2_000);
    }

    @Test
    void aSinkWhoseOpenBlocksDelaysNoOtherChangefeedAndItsChangefeedRunsOnceItOpens() {
        ChangefeedId hanging = meta.placed("hanging", ME);
        ChangefeedId healthy = meta.placed("opening", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockNextOpen(hanging, release);
        manager.start();
        try {
            await().atMost(DEADLINE).until(() -> blocked.getCount() == 0);
            sources.running(healthy).consumer().onResolved(8_000, ReaderState.initial());
            awaitPosition(healthy, p -> p.checkpointTs() == 8_000);
            assertThat(position(hanging)).as("published before its sink opens").isPresent();
            assertThat(manager.runningChangefeeds()).containsExactlyInAnyOrder(hanging, healthy);
            assertThat(sources.sourcesOf(hanging)).as("no source before the sink is open").isEmpty();
        } finally {
            release.countDown();
        }
        sources.running(hanging).consumer().onResolved(9_000, ReaderState.initial());
        awaitPosition(hanging, p -> p.checkpointTs() == 9_000);
    }

    @Test
    void aChangefeedMovedAwayWhileItsSinkOpenIsBlockedIsFencedAndItsLateSinkIsClosedUnused() {
        ChangefeedId moved = meta.placed("moved", ME);
        ChangefeedId healthy = meta.placed("staying", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockNextOpen(moved, release);
        manager.start();
        try {
            await().atMost(DEADLINE).until(() -> blocked.getCount() == 0);
            awaitPosition(moved, p -> true);
            meta.place(moved, "capture-2");
            await().atMost(DEADLINE).until(() -> manager.runningChangefeeds().equals(java.util.Set.of(healthy)));
            assertThat(position(moved)).as("kept while the stopped run's start may still open its sink").isPresent();
            sources.running(healthy).consumer().onResolved(3_000, ReaderState.initial());
            awaitPosition(healthy, p -> p.checkpointTs() == 3_000);
        } finally {
            release.countDown();
        }
        var late = await().atMost(DEADLINE).until(() -> sinks.openedFor(moved), opened -> !opened.isEmpty());
        await().atMost(DEADLINE).until(() -> late.getFirst().isClosed());
        assertThat(late.getFirst().calls()).as("the late sink got nothing").isZero();
        assertThat(sources.sourcesOf(moved)).as("no source starts after the stop").isEmpty();
        await().atMost(DEADLINE).until(() -> position(moved).isEmpty());
        assertThat(position(moved)).as("the late start publishes nothing").isEmpty();
    }

    @Test
    void aNewEpochWhileTheOldStartIsBlockedStartsAfterTheStopWaitAndTheOldRunNeitherWritesNorWithdraws() {
        ChangefeedId id = meta.placed("reepoch", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockNextOpen(id, release);
        manager.start();
        try {
            await().atMost(DEADLINE).until(() -> blocked.getCount() == 0);
            TaskPosition first = awaitPosition(id, p -> true);
            long epoch = meta.place(id, ME);
            await().during(STOP_WAIT.dividedBy(2)).atMost(STOP_WAIT).until(() -> sources.sourcesOf(id).isEmpty());
            var source = sources.running(id);
            assertThat(first.epoch()).isLessThan(epoch);
            awaitPosition(id, p -> p.epoch() == epoch);
            source.consumer().onResolved(4_000, ReaderState.initial());
            awaitPosition(id, p -> p.checkpointTs() == 4_000);
        } finally {
            release.countDown();
        }
        await().atMost(DEADLINE).until(() -> sinks.openedFor(id).size() == 2
                && sinks.openedFor(id).stream().filter(ScriptedSinks.Scripted::isClosed).count() == 1);
        assertThat(sinks.openedFor(id).stream().filter(ScriptedSinks.Scripted::isClosed).findFirst().orElseThrow()
                .calls()).as("the old run's late sink got nothing").isZero();
        assertThat(sources.sourcesOf(id)).as("the old run started no source").hasSize(1);
        await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> position(id).isPresent());
        assertThat(position(id).orElseThrow().checkpointTs()).isEqualTo(4_000);
    }

    @Test
    void aBlockedCloseDelaysNoOtherChangefeedAndTheNextRunOfItsOwnWaitsForItUpToTheStopWait() {
        ChangefeedId closing = meta.placed("closing", ME);
        ChangefeedId healthy = meta.placed("running", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockOnClose(closing, release);
        manager.start();
        var first = sources.running(closing);
        var healthyConsumer = sources.running(healthy).consumer();
        try {
            meta.setState(closing, ChangefeedState.STOPPED);
            await().atMost(DEADLINE).until(() -> blocked.getCount() == 0);
            assertThat(first.isClosed()).as("the source closes before the sink").isTrue();
            assertThat(position(closing)).as("kept while the sink closes").isPresent();
            healthyConsumer.onResolved(5_000, ReaderState.initial());
            awaitPosition(healthy, p -> p.checkpointTs() == 5_000);

            meta.setState(closing, ChangefeedState.NORMAL);
            await().during(STOP_WAIT.dividedBy(2)).atMost(STOP_WAIT)
                    .until(() -> sources.sourcesOf(closing).size() == 1);
            var second = await().atMost(DEADLINE).until(() -> sources.sourcesOf(closing).getLast(), s -> s != first);
            second.consumer().onResolved(6_000, ReaderState.initial());
            awaitPosition(closing, p -> p.checkpointTs() == 6_000);
            healthyConsumer.onResolved(7_000, ReaderState.initial());
            awaitPosition(healthy, p -> p.checkpointTs() == 7_000);
        } finally {
            release.countDown();
        }
        await().atMost(DEADLINE).until(() -> sinks.openedFor(closing).getFirst().isClosed());
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> position(closing).filter(p -> p.checkpointTs() == 6_000).isPresent());
    }

    @Test
    void aNewEpochStartsOnlyAfterThePreviousRunClosedItsSink() {
        ChangefeedId id = meta.placed("ordered", ME);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockOnClose(id, release);
        manager.start();
        var first = sources.running(id);
        meta.place(id, ME);
        await().atMost(DEADLINE).until(() -> blocked.getCount() == 0);
        await().during(Duration.ofMillis(500)).atMost(STOP_WAIT).until(() -> sinks.openedFor(id).size() == 1);
        release.countDown();
        var second = await().atMost(DEADLINE).until(() -> sources.sourcesOf(id).getLast(), s -> s != first);
        assertThat(sinks.openedFor(id).getFirst().isClosed()).isTrue();
        assertThat(second.isClosed()).isFalse();
    }

    private double startFailures(ChangefeedId id) {
        Counter counter = registry.find("cdc4j_changefeed_processor_start_failures")
                .tags("namespace", id.namespace(), "changefeed", id.id()).counter();
        return counter == null ? 0 : counter.count();
    }
}
