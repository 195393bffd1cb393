package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.TaskPosition;
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
 * refuses is retried with backoff and shown, an outage is ridden out, and an Error from one changefeed's sink fails
 * that changefeed without freezing the others.
 */
class ProcessorManagerIT {
    static final String ME = "capture-1";
    static final Duration DEADLINE = Duration.ofSeconds(20);

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
                sources, Duration.ofMillis(20), new ProcessorMetrics(registry), exits::add);
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

    private double startFailures(ChangefeedId id) {
        Counter counter = registry.find("cdc4j_changefeed_processor_start_failures")
                .tags("namespace", id.namespace(), "changefeed", id.id()).counter();
        return counter == null ? 0 : counter.count();
    }
}
