package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.capture.Liveness;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.testing.ShiftableClock;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler applying admin jobs against a real ZooKeeper store, and the answer each job gets. */
class ChangefeedReconcilerIT {
    static final long START_TS = 1_000;

    @TempDir
    Path dir;
    TestZooKeeper zk;
    CuratorFramework client;
    final MetaKeys keys = new MetaKeys("default");
    ChangefeedStore store;
    TaskStore tasks;
    CaptureRegistry captures;
    ChangefeedReconciler reconciler;

    @BeforeEach
    void start() {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        store = new ChangefeedStore(client, keys);
        captures = new CaptureRegistry(client, keys);
        captures.register(capture("capture-1", Liveness.ALIVE));
        captures.register(capture("capture-2", Liveness.ALIVE));
        captures.register(capture("leaving", Liveness.STOPPING));
        tasks = new TaskStore(client, keys);
        reconciler = new ChangefeedReconciler(store, tasks, captures,
                OwnerSettings.standard(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        client.close();
        zk.close();
    }

    static CaptureInfo capture(String id, Liveness liveness) {
        return new CaptureInfo(id, "127.0.0.1:8300", "v0", "g", "default", Instant.now(), liveness, Optional.of("in-process"));
    }

    ChangefeedId changefeed(String id, ChangefeedState state) {
        store.create(new ChangefeedInfo("default", id, "blackhole://", START_TS, 0, Instant.now(),
                ReplicaConfig.defaults(), state, Optional.empty(), Optional.empty(), "v0", Optional.empty()),
                ChangefeedStatus.initial(START_TS));
        return new ChangefeedId("default", id);
    }

    /** Runs one tick with the job and returns its answer. */
    QueuedJob tick(AdminJob job) {
        QueuedJob queued = new QueuedJob(job);
        reconciler.tick(List.of(queued));
        assertThat(queued.done()).as("every job is answered in its tick").isDone();
        return queued;
    }

    static void assertRefused(QueuedJob answered, ErrorCode code, String message) {
        assertThatThrownBy(() -> answered.done().get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CdcException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CdcException) e).errorCode()).isEqualTo(code));
    }

    ChangefeedState state(ChangefeedId id) {
        return store.info(id).orElseThrow().value().state();
    }

    Optional<String> placement(ChangefeedId id) {
        return store.status(id).orElseThrow().value().captureId();
    }

    @Test
    void jobsForAChangefeedThatIsGoneAreRefusedAsNotExisting() {
        ChangefeedId gone = new ChangefeedId("default", "gone");
        assertRefused(tick(new AdminJob.Pause(gone)), ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists");
        assertRefused(tick(new AdminJob.Resume(gone, 0)), ErrorCode.CHANGEFEED_NOT_EXISTS, "default/gone");
        assertRefused(tick(new AdminJob.Resume(gone, 2_000)), ErrorCode.CHANGEFEED_NOT_EXISTS, "default/gone");
        assertRefused(tick(new AdminJob.MoveTable(gone, "capture-1", 1)), ErrorCode.CHANGEFEED_NOT_EXISTS,
                "default/gone");
        assertRefused(tick(new AdminJob.Remove(gone)), ErrorCode.CHANGEFEED_NOT_EXISTS, "default/gone");
    }

    @Test
    void pauseAndResumeInStatesTheyDoNotApplyToChangeNothingAndSucceed() throws Exception {
        ChangefeedId failed = changefeed("failed", ChangefeedState.FAILED);
        tick(new AdminJob.Pause(failed)).done().get();
        assertThat(state(failed)).isEqualTo(ChangefeedState.FAILED);

        ChangefeedId normal = changefeed("normal", ChangefeedState.NORMAL);
        tick(new AdminJob.Resume(normal, 2_000)).done().get();
        assertThat(state(normal)).isEqualTo(ChangefeedState.NORMAL);
        assertThat(store.status(normal).orElseThrow().value().checkpointTs())
                .as("a resume that does not apply leaves the checkpoint alone").isEqualTo(START_TS);

        tick(new AdminJob.Pause(normal)).done().get();
        assertThat(state(normal)).isEqualTo(ChangefeedState.STOPPED);
        assertThat(placement(normal)).isEmpty();
        tick(new AdminJob.Resume(normal, 2_000)).done().get();
        assertThat(state(normal)).isEqualTo(ChangefeedState.NORMAL);
        assertThat(store.info(normal).orElseThrow().value().startTs()).isEqualTo(2_000);
        assertThat(store.status(normal).orElseThrow().value().checkpointTs()).isEqualTo(2_000);
    }

    @Test
    void aMoveIsRefusedForAnUnknownOrStoppingCaptureAndIgnoredForAStoppedChangefeed() throws Exception {
        ChangefeedId id = changefeed("mover", ChangefeedState.NORMAL);
        reconciler.tick(List.of());
        String first = placement(id).orElseThrow();
        String other = first.equals("capture-1") ? "capture-2" : "capture-1";

        assertRefused(tick(new AdminJob.MoveTable(id, "nowhere", 1)), ErrorCode.CAPTURE_NOT_EXIST, "nowhere");
        assertRefused(tick(new AdminJob.MoveTable(id, "leaving", 1)), ErrorCode.SCHEDULER_REQUEST_FAILED,
                "the capture is stopping");
        assertThat(placement(id)).contains(first);

        tick(new AdminJob.MoveTable(id, other, 1)).done().get();
        assertThat(placement(id)).contains(other);

        tick(new AdminJob.Pause(id)).done().get();
        long epoch = store.status(id).orElseThrow().value().epoch();
        tick(new AdminJob.MoveTable(id, first, 1)).done().get();
        assertThat(placement(id)).as("a stopped changefeed is not placed").isEmpty();
        assertThat(store.status(id).orElseThrow().value().epoch()).as("nor was it placed for a moment")
                .isEqualTo(epoch);
    }

    static CaptureInfo reading(String id, Optional<String> upstream) {
        return new CaptureInfo(id, "127.0.0.1:8301", "v0", "g", "default", Instant.now(), Liveness.ALIVE, upstream);
    }

    ChangefeedId changefeedReading(String id, Optional<String> upstream) {
        return changefeedReading(id, upstream, "blackhole://");
    }

    ChangefeedId changefeedReading(String id, Optional<String> upstream, String sinkUri) {
        store.create(new ChangefeedInfo("default", id, sinkUri, START_TS, 0, Instant.now(),
                ReplicaConfig.defaults(), ChangefeedState.NORMAL, Optional.empty(), Optional.empty(), "v0", upstream),
                ChangefeedStatus.initial(START_TS));
        return new ChangefeedId("default", id);
    }

    @Test
    void aCaptureWithoutAnUpstreamIsNeverGivenAChangefeedNorMovedOne() throws Exception {
        captures.register(reading("a-no-upstream", Optional.empty()));
        List<ChangefeedId> ids = List.of(changefeedReading("f1", Optional.empty()),
                changefeedReading("f2", Optional.of("in-process")), changefeed("f3", ChangefeedState.NORMAL),
                changefeedReading("f4", Optional.empty()));
        reconciler.tick(List.of());
        assertThat(reconciler.allNormalPlaced()).isTrue();
        for (ChangefeedId id : ids) {
            assertThat(placement(id)).as("%s, with the idle capture sorting first and running nothing", id)
                    .hasValueSatisfying(capture -> assertThat(capture).isIn("capture-1", "capture-2"));
        }
        assertRefused(tick(new AdminJob.MoveTable(ids.get(0), "a-no-upstream", 1)),
                ErrorCode.SCHEDULER_REQUEST_FAILED,
                "it reads no upstream");
        assertThat(placement(ids.get(0))).isPresent().isNotEqualTo(Optional.of("a-no-upstream"));
    }

    @Test
    void aChangefeedRunsOnlyWhereItsUpstreamIsReadAndWaitsUnplacedUntilSuchACaptureJoins() throws Exception {
        ChangefeedId id = changefeedReading("elsewhere", Optional.of("db-a:3306"));
        captures.register(reading("reads-b", Optional.of("db-b:3306")));
        reconciler.tick(List.of());
        assertThat(placement(id)).as("no capture reads db-a:3306").isEmpty();
        assertThat(reconciler.allNormalPlaced()).isFalse();
        assertRefused(tick(new AdminJob.MoveTable(id, "reads-b", 1)), ErrorCode.SCHEDULER_REQUEST_FAILED,
                "it reads upstream db-b:3306 and the changefeed reads db-a:3306");
        assertThat(placement(id)).isEmpty();

        captures.register(reading("reads-a", Optional.of("db-a:3306")));
        reconciler.tick(List.of());
        assertThat(placement(id)).contains("reads-a");
        assertThat(reconciler.allNormalPlaced()).isTrue();
    }

    @Test
    void aChangefeedPlacedOnACaptureThatCannotReadItsUpstreamIsPlacedAgain() throws Exception {
        captures.register(reading("a-no-upstream", Optional.empty()));
        ChangefeedId id = changefeedReading("misplaced", Optional.empty());
        store.updateStatus(id, s -> s.placedOn("a-no-upstream"));
        long epoch = store.status(id).orElseThrow().value().epoch();
        reconciler.tick(List.of());
        assertThat(placement(id)).hasValueSatisfying(capture -> assertThat(capture).isIn("capture-1", "capture-2"));
        assertThat(store.status(id).orElseThrow().value().epoch()).as("a new placement, a new epoch")
                .isGreaterThan(epoch);
    }

    @Test
    void aRemoveDeletesTheChangefeedAndAnswersOnlyThen() throws Exception {
        ChangefeedId id = changefeed("doomed", ChangefeedState.STOPPED);
        tick(new AdminJob.Remove(id)).done().get();
        assertThat(store.exists(id)).isFalse();
        assertThat(store.status(id)).isEmpty();
    }

    @Test
    void aMetadataStoreFailureReachesTheJobAndTheNextJobsStillRun() throws Exception {
        ChangefeedId locked = changefeed("locked", ChangefeedState.NORMAL);
        ChangefeedId free = changefeed("free", ChangefeedState.NORMAL);
        // ZooKeeper refuses writes to the changefeed's info node, as a real NoAuth error
        client.setACL().withACL(List.of(new ACL(ZooDefs.Perms.ALL & ~ZooDefs.Perms.WRITE,
                ZooDefs.Ids.ANYONE_ID_UNSAFE))).forPath(keys.changefeedInfo(locked));

        QueuedJob pause = new QueuedJob(new AdminJob.Pause(locked));
        QueuedJob next = new QueuedJob(new AdminJob.Pause(free));
        reconciler.tick(List.of(pause, next));

        assertRefused(pause, ErrorCode.META_STORE, "cannot update " + keys.changefeedInfo(locked));
        assertThat(state(locked)).isEqualTo(ChangefeedState.NORMAL);
        next.done().get();
        assertThat(state(free)).isEqualTo(ChangefeedState.STOPPED);
    }

    static CaptureInfo sharing(String id) {
        return new CaptureInfo(id, "127.0.0.1:8302", "v0", "g", "default", Instant.now(), Liveness.ALIVE,
                Optional.of("db-s:3306"), true);
    }

    /** Publishes a position of the changefeed's current epoch for {@code capture}, as its processor would. */
    void report(ChangefeedId id, String capture, long checkpointTs, List<Long> allTableIds) {
        ChangefeedStatus status = store.status(id).orElseThrow().value();
        tasks.withdraw(new TaskStore.TaskKey(id, capture));
        tasks.publish(new TaskStore.TaskKey(id, capture), new TaskPosition(status.epoch(), checkpointTs,
                status.readerState(), checkpointTs, 0, List.of(), Optional.empty(), Optional.empty(), allTableIds, 0,
                0));
    }

    /** Withdraws every processor's position, as processors that closed their sinks do. */
    void allStopped(ChangefeedId id) {
        for (String capture : tasks.positions(id).keySet()) {
            tasks.withdraw(new TaskStore.TaskKey(id, capture));
        }
    }

    Map<String, List<Long>> shares(ChangefeedId id) {
        Map<String, List<Long>> shares = new TreeMap<>();
        store.status(id).orElseThrow().value().shares().forEach((capture, share) -> shares.put(capture,
                share.tableIds()));
        return shares;
    }

    @Test
    void tablesSpreadOverTheSharingCapturesThroughADrainAndFollowMovesAndACaptureThatLeaves() throws Exception {
        for (String capture : List.of("s-1", "s-2", "s-3")) {
            captures.register(sharing(capture));
        }
        ChangefeedId id = changefeedReading("spread", Optional.of("db-s:3306"));
        reconciler.tick(List.of());
        assertThat(placement(id)).as("the lead, alone until its tables are known").contains("s-1");
        assertThat(shares(id)).isEmpty();

        report(id, "s-1", START_TS + 100, List.of(1L, 2L, 3L, 4L, 5L, 6L));
        reconciler.tick(List.of());
        assertThat(placement(id)).as("taken off its captures until the lead's processor is gone").isEmpty();
        reconciler.tick(List.of());
        assertThat(placement(id)).as("still draining").isEmpty();
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(placement(id)).contains("s-1");
        assertThat(shares(id)).isEqualTo(Map.of("s-2", List.of(3L, 4L), "s-3", List.of(5L, 6L)));
        ChangefeedStatus spread = store.status(id).orElseThrow().value();
        assertThat(spread.checkpointTs()).as("placed again from the folded checkpoint").isEqualTo(START_TS + 100);
        assertThat(spread.participants()).containsExactlyInAnyOrder("s-1", "s-2", "s-3");

        report(id, "s-1", START_TS + 200, List.of(1L, 2L, 3L, 4L, 5L, 6L));
        report(id, "s-2", START_TS + 150, List.of());
        reconciler.tick(List.of());
        assertThat(store.status(id).orElseThrow().value().checkpointTs())
                .as("a share of the tables missing: the checkpoint holds").isEqualTo(START_TS + 100);
        report(id, "s-3", START_TS + 300, List.of());
        reconciler.tick(List.of());
        assertThat(store.status(id).orElseThrow().value().checkpointTs()).as("the least of the three")
                .isEqualTo(START_TS + 150);

        assertRefused(tick(new AdminJob.MoveTable(id, "s-3", 99)), ErrorCode.SCHEDULER_REQUEST_FAILED,
                "replicates no table 99 (its tables: [1, 2, 3, 4, 5, 6])");
        tick(new AdminJob.MoveTable(id, "s-3", 3)).done().get();
        assertThat(placement(id)).as("a move drains too").isEmpty();
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(shares(id)).isEqualTo(Map.of("s-2", List.of(4L), "s-3", List.of(3L, 5L, 6L)));

        tick(new AdminJob.Rebalance(id)).done().get();
        report(id, "s-1", START_TS + 400, List.of(1L, 2L, 3L, 4L, 5L, 6L));
        report(id, "s-2", START_TS + 400, List.of());
        report(id, "s-3", START_TS + 400, List.of());
        reconciler.tick(List.of());
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(shares(id).values()).as("balanced again on request, 2 each").allMatch(ids -> ids.size() == 2);

        captures.deregister("s-3");
        reconciler.tick(List.of());
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(placement(id)).contains("s-1");
        assertThat(shares(id)).as("the departed capture's tables are the lead's until balanced again")
                .containsOnlyKeys("s-2");
    }

    @Test
    void aKafkaChangefeedRunsWholeOnOneCaptureAndAMoveTakesItWhole() throws Exception {
        for (String capture : List.of("s-1", "s-2", "s-3")) {
            captures.register(sharing(capture));
        }
        ChangefeedId id = changefeedReading("to-kafka", Optional.of("db-s:3306"),
                "kafka://127.0.0.1:9092/t?protocol=canal-json");
        reconciler.tick(List.of());
        report(id, "s-1", START_TS + 100, List.of(1L, 2L, 3L, 4L, 5L, 6L));
        reconciler.tick(List.of());
        reconciler.tick(List.of());
        assertThat(placement(id)).as("its tables are known, and still it is not spread").contains("s-1");
        assertThat(shares(id)).isEmpty();
        assertThat(store.status(id).orElseThrow().value().participants()).containsExactly("s-1");

        tick(new AdminJob.Rebalance(id)).done().get();
        reconciler.tick(List.of());
        assertThat(shares(id)).as("a rebalance spreads nothing").isEmpty();

        tick(new AdminJob.MoveTable(id, "s-2", 3)).done().get();
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(placement(id)).as("moved whole, as a share would break the watermarks").contains("s-2");
        assertThat(shares(id)).isEmpty();
    }

    @Test
    void tablesCreatedLaterGoToTheLeadAndAreBalancedOnceThePlacementStoodAMinute() throws Exception {
        ShiftableClock clock = new ShiftableClock();
        reconciler = new ChangefeedReconciler(store, tasks, captures,
                new OwnerSettings(Duration.ofMillis(50), clock, Duration.ofSeconds(10)));
        for (String capture : List.of("s-1", "s-2", "s-3")) {
            captures.register(sharing(capture));
        }
        ChangefeedId id = changefeedReading("drifting", Optional.of("db-s:3306"));
        reconciler.tick(List.of());
        report(id, "s-1", START_TS + 100, List.of(1L, 2L, 3L, 4L, 5L, 6L));
        reconciler.tick(List.of());
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(shares(id)).isEqualTo(Map.of("s-2", List.of(3L, 4L), "s-3", List.of(5L, 6L)));

        List<Long> grown = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        report(id, "s-1", START_TS + 200, grown);
        report(id, "s-2", START_TS + 200, List.of());
        report(id, "s-3", START_TS + 200, List.of());
        reconciler.tick(List.of());
        assertThat(placement(id)).as("5 tables on the lead, 2 on the others: left alone for now").contains("s-1");
        clock.shift(ChangefeedPlacer.BALANCE_CHECK_INTERVAL.plusSeconds(1));
        report(id, "s-1", START_TS + 300, grown);
        reconciler.tick(List.of());
        assertThat(placement(id)).as("drained to balance").isEmpty();
        allStopped(id);
        reconciler.tick(List.of());
        assertThat(shares(id).values()).as("3 tables each").allMatch(ids -> ids.size() == 3);
    }
}
