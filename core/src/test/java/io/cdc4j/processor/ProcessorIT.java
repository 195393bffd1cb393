package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.RunningError;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.testing.FedChangeSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One processor against a real ZooKeeper: what it publishes, and how each kind of failure reaches its position. */
class ProcessorIT {
    static final String CAPTURE = "capture-1";

    @TempDir
    Path dir;
    MetaOnZooKeeper meta;
    final FedChangeSources sources = new FedChangeSources();
    final ScriptedSinks sinks = new ScriptedSinks();

    @BeforeEach
    void start() {
        meta = new MetaOnZooKeeper(dir);
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    private Processor processor(ChangefeedInfo info) {
        ChangefeedId id = meta.placed(info, CAPTURE);
        ChangefeedStatus status = meta.changefeeds.status(id).orElseThrow().value();
        return new Processor(new TaskStore.TaskKey(id, CAPTURE), status.epoch(), info, status.checkpointTs(),
                status.readerState(), "127.0.0.1:8300", meta.tasks);
    }

    private TaskPosition position(String id) {
        return meta.position(new ChangefeedId("default", id), CAPTURE).orElseThrow();
    }

    private static ReaderState state(int pos) {
        return new ReaderState(JsonNodeFactory.instance.objectNode().put("file", "binlog.000001").put("pos", pos));
    }

    @Test
    void startPublishesTheStartingPositionAndReportsMoveTheCheckpointToWhatTheSinkHolds() {
        Processor processor = processor(MetaOnZooKeeper.info("plain", "blackhole://"));
        assertThat(processor.start(sinks.sinks(), sources)).isTrue();
        assertThat(position("plain").checkpointTs()).isEqualTo(MetaOnZooKeeper.START_TS);
        assertThat(position("plain").epoch()).isEqualTo(processor.epoch());

        sources.running(new ChangefeedId("default", "plain")).consumer().onResolved(2_000, state(42));
        processor.report();
        TaskPosition reported = position("plain");
        assertThat(reported.checkpointTs()).isEqualTo(2_000);
        assertThat(reported.resolvedTs()).isEqualTo(2_000);
        assertThat(reported.readerState()).isEqualTo(state(42));
        assertThat(reported.error()).isEmpty();

        processor.stop().join();
        assertThat(sources.sourcesOf(new ChangefeedId("default", "plain")).getFirst().isClosed()).isTrue();
        assertThat(meta.position(new ChangefeedId("default", "plain"), CAPTURE))
                .as("withdrawn once source and sink are closed").isEmpty();
    }

    @Test
    void aCheckpointWaitsUntilWhatItsReaderStateNeedsIsSavedAndShowsAWarningMeanwhile() {
        Processor processor = processor(MetaOnZooKeeper.info("persist", "blackhole://"));
        assertThat(processor.start(sinks.sinks(), sources)).isTrue();
        FedChangeSources.FedSource source = sources.running(new ChangefeedId("default", "persist"));
        source.failPersist(new CdcException(ErrorCode.META_STORE, "cannot save the table schemas"));
        source.consumer().onResolved(2_000, state(42));
        processor.report();
        assertThat(position("persist").checkpointTs()).as("not past what a resume could not read back")
                .isEqualTo(MetaOnZooKeeper.START_TS);
        assertThat(position("persist").resolvedTs()).isEqualTo(2_000);
        assertThat(position("persist").warning()).hasValueSatisfying(
                warning -> assertThat(warning.message()).contains("cannot save the table schemas"));

        source.failPersist(null);
        processor.report();
        assertThat(position("persist").checkpointTs()).isEqualTo(2_000);
        assertThat(position("persist").readerState()).isEqualTo(state(42));
        assertThat(source.persisted()).containsExactly(state(42));
        processor.stop().join();
    }

    @Test
    void aSinkThatCannotBeOpenedIsTheRunsErrorAndNoSourceStarts() {
        Processor processor = processor(MetaOnZooKeeper.info("pulsar",
                "pulsar://127.0.0.1:6650/topic?protocol=canal-json"));
        assertThat(processor.start(sinks.sinks(), sources)).isTrue();
        RunningError error = await().atMost(Duration.ofSeconds(10)).until(() -> {
            processor.report();
            return position("pulsar").error().orElse(null);
        }, e -> e != null);
        assertThat(error.code()).isEqualTo(ErrorCode.SINK_URI_INVALID.code());
        assertThat(error.addr()).isEqualTo("127.0.0.1:8300");
        assertThat(sources.sourcesOf(new ChangefeedId("default", "pulsar"))).isEmpty();
        processor.stop().join();
    }

    @Test
    void aStartWhosePositionZooKeeperRefusesThrowsAndStartsNothing() throws Exception {
        ChangefeedInfo info = MetaOnZooKeeper.info("refused", "blackhole://");
        Processor processor = processor(info);
        meta.refuseNewPositions(info.changefeedId());
        assertThatThrownBy(() -> processor.start(sinks.sinks(), sources))
                .isInstanceOf(CdcException.class).hasMessageContaining("CDC:ErrMetaStore");
        assertThat(sources.sourcesOf(info.changefeedId())).isEmpty();
        assertThat(processor.errorPublished()).isFalse();
        processor.report();
        assertThat(meta.position(info.changefeedId(), CAPTURE)).isEmpty();
    }

    @Test
    void aProcessorOfARemovedChangefeedDoesNotStart() {
        ChangefeedInfo info = MetaOnZooKeeper.info("removed", "blackhole://");
        Processor processor = processor(info);
        meta.changefeeds.remove(info.changefeedId());
        assertThat(processor.start(sinks.sinks(), sources)).isFalse();
        assertThat(sources.sourcesOf(info.changefeedId())).isEmpty();
    }

    @Test
    void anErrorThrownBySinkBecomesTheRunsErrorAsProcessorUnknown() {
        ChangefeedInfo info = MetaOnZooKeeper.info("overflow", "blackhole://");
        sinks.throwOnFlush(info.changefeedId(), () -> new StackOverflowError("fake"));
        Processor processor = processor(info);
        processor.start(sinks.sinks(), sources);
        sources.running(info.changefeedId()).consumer().onResolved(2_000, state(1));
        processor.report();
        TaskPosition reported = position("overflow");
        assertThat(reported.error().orElseThrow().code()).isEqualTo("CDC:ErrProcessorUnknown");
        assertThat(reported.error().orElseThrow().message()).isEqualTo("java.lang.StackOverflowError: fake");
        assertThat(reported.checkpointTs()).isEqualTo(MetaOnZooKeeper.START_TS);
        assertThat(processor.errorPublished()).isTrue();
        assertThat(processor.fatalError()).as("a stack overflow unwinds its own thread only").isEmpty();
        processor.stop().join();
    }

    @Test
    void anOutOfMemoryErrorFromTheSinkIsTheRunsErrorAndMarksTheProcessorFatal() {
        ChangefeedInfo info = MetaOnZooKeeper.info("oom", "blackhole://");
        OutOfMemoryError fake = new OutOfMemoryError("fake");
        sinks.throwOnFlush(info.changefeedId(), () -> fake);
        Processor processor = processor(info);
        processor.start(sinks.sinks(), sources);
        sources.running(info.changefeedId()).consumer().onResolved(2_000, state(1));
        processor.report();
        assertThat(position("oom").error().orElseThrow().message()).isEqualTo("java.lang.OutOfMemoryError: fake");
        assertThat(processor.fatalError()).containsSame(fake);
        processor.stop().join();
    }

    @Test
    void reportPublishesWhileTheSinkIsBlockedAndTheCheckpointMovesOnceItAnswers() throws Exception {
        ChangefeedInfo info = MetaOnZooKeeper.info("stuck", "blackhole://");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockOnFlush(info.changefeedId(), release);
        Processor processor = processor(info);
        processor.start(sinks.sinks(), sources);
        var consumer = sources.running(info.changefeedId()).consumer();
        Thread dispatch = Thread.ofPlatform().start(() -> consumer.onResolved(2_000, state(7)));
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

        consumer.onWarning(new CdcException(ErrorCode.UPSTREAM_CONNECTION, "fake: the upstream went away"));
        assertTimeoutPreemptively(Duration.ofSeconds(5), processor::report);
        assertThat(position("stuck").warning().orElseThrow().code()).isEqualTo(ErrorCode.UPSTREAM_CONNECTION.code());
        assertThat(position("stuck").checkpointTs()).isEqualTo(MetaOnZooKeeper.START_TS);

        release.countDown();
        dispatch.join(10_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            processor.report();
            assertThat(position("stuck").checkpointTs()).isEqualTo(2_000);
        });
        assertThat(position("stuck").warning()).isEmpty();
        processor.stop().join();
    }

    @Test
    void stopFencesAtOnceAndWithdrawsOnlyOnceTheBlockedSinkCloseReturns() throws Exception {
        ChangefeedInfo info = MetaOnZooKeeper.info("closing", "blackhole://");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = sinks.blockOnClose(info.changefeedId(), release);
        Processor processor = processor(info);
        processor.start(sinks.sinks(), sources);
        var consumer = sources.running(info.changefeedId()).consumer();
        consumer.onResolved(2_000, state(3));
        var stopped = assertTimeoutPreemptively(Duration.ofSeconds(5), processor::stop);
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sources.sourcesOf(info.changefeedId()).getFirst().isClosed()).as("the source closes first").isTrue();

        long calls = sinks.openedFor(info.changefeedId()).getFirst().calls();
        consumer.onResolved(3_000, state(4));
        processor.report();
        assertThat(sinks.openedFor(info.changefeedId()).getFirst().calls()).as("nothing reaches a stopped sink")
                .isEqualTo(calls);
        assertThat(meta.position(info.changefeedId(), CAPTURE)).as("a stopped processor publishes nothing new, and"
                + " its position stays while its sink may still write").hasValueSatisfying(
                        p -> assertThat(p.checkpointTs()).isEqualTo(1_000));
        assertThat(stopped).isNotDone();
        release.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(processor.isStopped()).isTrue();
        assertThat(meta.position(info.changefeedId(), CAPTURE)).as("withdrawn once the sink closed").isEmpty();
    }

    @Test
    void theCheckpointFollowsCompletionsAndADdlWaitsForEveryEarlierRowAndIsWaitedFor() throws Exception {
        ChangefeedId id = new ChangefeedId("default", "barrier");
        Processor processor = processor(MetaOnZooKeeper.info("barrier", "blackhole://"));
        sinks.holdCompletions(id);
        assertThat(processor.start(sinks.sinks(), sources)).isTrue();
        ChangeConsumer consumer = sources.running(id).consumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> !sinks.openedFor(id).isEmpty());

        consumer.onRows(oneRow(1_500));
        consumer.onRows(oneRow(1_500));
        consumer.onCommit(1_500);
        consumer.onResolved(1_800, state(18));
        processor.report();
        assertThat(position("barrier").checkpointTs()).as("rows not yet durable").isEqualTo(MetaOnZooKeeper.START_TS);
        assertThat(position("barrier").resolvedTs()).isEqualTo(1_800);

        Thread dispatch = Thread.ofPlatform().start(() -> consumer.onDdl(ddl(2_000)));
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatch.getState() == Thread.State.TIMED_WAITING);
        ScriptedSinks.Scripted sink = sinks.openedFor(id).getFirst();
        assertThat(sink.received()).as("the DDL waits for the rows before it")
                .containsExactly("rows@1500", "rows@1500", "end@1500");

        sinks.release(id);
        dispatch.join(Duration.ofSeconds(10));
        assertThat(dispatch.isAlive()).isFalse();
        assertThat(sink.received()).containsExactly("rows@1500", "rows@1500", "end@1500", "ddl@2000");
        consumer.onResolved(2_000, state(20));
        processor.report();
        assertThat(position("barrier").checkpointTs()).isEqualTo(2_000);
        assertThat(position("barrier").readerState()).isEqualTo(state(20));
        processor.stop().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWriteThatFailsStopsTheCheckpointBeforeItAndReportsItsCause() throws Exception {
        ChangefeedId id = new ChangefeedId("default", "failing");
        Processor processor = processor(MetaOnZooKeeper.info("failing", "blackhole://"));
        assertThat(processor.start(sinks.sinks(), sources)).isTrue();
        ChangeConsumer consumer = sources.running(id).consumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> !sinks.openedFor(id).isEmpty());
        consumer.onRows(oneRow(1_500));
        consumer.onCommit(1_500);
        consumer.onResolved(1_600, state(16));
        sinks.holdCompletions(id);
        consumer.onRows(oneRow(1_700));
        consumer.onCommit(1_700);
        consumer.onResolved(1_800, state(18));
        processor.report();
        assertThat(position("failing").checkpointTs()).as("up to the held write").isEqualTo(1_600);

        sinks.failHeld(id, new CdcException(ErrorCode.MYSQL_TXN_ERROR, "downstream said no"));
        processor.report();
        TaskPosition reported = position("failing");
        assertThat(reported.checkpointTs()).isEqualTo(1_600);
        assertThat(reported.error()).get().extracting(RunningError::code).isEqualTo(ErrorCode.MYSQL_TXN_ERROR.code());
        assertThat(reported.error().orElseThrow().message()).contains("downstream said no");
        processor.stop().get(10, TimeUnit.SECONDS);
    }

    private static RowBatch oneRow(long ts) {
        TableInfo table = new TableInfo(42, new TableName("db", "t"),
                List.of(new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of())),
                List.of(0), List.of());
        return new RowBatch(ts, 0, List.of(new RowChange(RowKind.INSERT, table, ts, Optional.empty(),
                Optional.of(new RowImage(new Object[] {1L})))));
    }

    @Test
    void aDdlOfASharedChangefeedIsAppliedOnceByTheLeadAfterTheShareReachedItThoughTheirReadersStampedItApart()
            throws Exception {
        ChangefeedInfo info = MetaOnZooKeeper.info("shared", "blackhole://");
        ChangefeedId id = meta.placed(info, "lead");
        ChangefeedStatus status = meta.changefeeds.status(id).orElseThrow().value();
        Processor lead = new Processor(new TaskStore.TaskKey(id, "lead"), status.epoch(), info, status.checkpointTs(),
                status.readerState(), "127.0.0.1:8300", meta.tasks,
                new Participation(TableScope.allBut(Set.of(2L)), "lead", Set.of("share")));
        Processor share = new Processor(new TaskStore.TaskKey(id, "share"), status.epoch(), info,
                status.checkpointTs(), status.readerState(), "127.0.0.1:8301", meta.tasks,
                new Participation(TableScope.only(1, Set.of(2L)), "lead", Set.of()));
        assertThat(lead.start(sinks.sinks(), sources)).isTrue();
        var toLead = sources.running(id).consumer();
        assertThat(share.start(sinks.sinks(), sources)).isTrue();
        var toShare = await().atMost(Duration.ofSeconds(10)).until(() -> sources.sourcesOf(id), s -> s.size() == 2)
                .get(1).consumer();
        ScheduledExecutorService manager = Executors.newSingleThreadScheduledExecutor();
        manager.scheduleWithFixedDelay(() -> {
            lead.report();
            share.report();
        }, 0, 20, TimeUnit.MILLISECONDS);
        try {
            // each dispatch thread of its own: the common pool may have a single worker on a small machine
            CompletableFuture<Void> leadAtDdl = CompletableFuture.runAsync(() -> toLead.onDdl(ddl(1_500)),
                    Thread::startVirtualThread);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> ddlsReceived(id).isEmpty() && !leadAtDdl.isDone());
            CompletableFuture<Void> shareAtDdl = CompletableFuture.runAsync(() -> toShare.onDdl(ddl(1_400)),
                    Thread::startVirtualThread);
            leadAtDdl.get(10, TimeUnit.SECONDS);
            shareAtDdl.get(10, TimeUnit.SECONDS);
            assertThat(ddlsReceived(id)).as("applied once, by the lead, at the ts its own reader gave it")
                    .containsExactly("ddl@1500");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(meta.position(id, "lead").orElseThrow().appliedDdls()).isEqualTo(1);
                assertThat(meta.position(id, "share").orElseThrow().reachedDdls()).isEqualTo(1);
            });
        } finally {
            manager.shutdownNow();
            lead.stop().get(10, TimeUnit.SECONDS);
            share.stop().get(10, TimeUnit.SECONDS);
        }
    }

    private List<String> ddlsReceived(ChangefeedId id) {
        return sinks.openedFor(id).stream().flatMap(sink -> sink.received().stream())
                .filter(call -> call.startsWith("ddl@")).toList();
    }

    private static DdlEvent ddl(long ts) {
        return new DdlEvent("db", List.of(new TableName("db", "t")), DdlType.ALTER_TABLE,
                "ALTER TABLE t ADD COLUMN c INT", ts);
    }
}
