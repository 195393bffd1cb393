package io.cdc4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderState;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changefeed store against a real ZooKeeper: all-or-nothing create and remove, compare-and-set updates. */
class ChangefeedStoreIT {
    @TempDir
    Path dir;
    TestZooKeeper zk;
    CuratorFramework client;
    ChangefeedStore store;
    final MetaKeys keys = new MetaKeys("default");

    @BeforeEach
    void start() {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        store = new ChangefeedStore(client, keys);
    }

    @AfterEach
    void stop() {
        client.close();
        zk.close();
    }

    static ChangefeedInfo info(String id) {
        return new ChangefeedInfo("default", id, "blackhole://", 1000, 0, Instant.now(), ReplicaConfig.defaults(),
                ChangefeedState.NORMAL, Optional.empty(), Optional.empty(), "v0.1.0", Optional.empty());
    }

    @Test
    void infoAndStatusRoundTripAndACreateOverAnExistingStatusLeavesNoInfo() throws Exception {
        ChangefeedId id = new ChangefeedId("default", "cf");
        store.create(info("cf"), ChangefeedStatus.initial(1000));
        ChangefeedInfo stored = store.info(id).orElseThrow().value();
        assertThat(stored.config()).isEqualTo(ReplicaConfig.defaults());
        assertThat(stored.withSettings("blackhole://", 0, ReplicaConfig.defaults()).state())
                .isEqualTo(ChangefeedState.NORMAL);
        assertThat(stored.startTs()).isEqualTo(1000);
        assertThat(store.status(id).orElseThrow().value()).isEqualTo(ChangefeedStatus.initial(1000));
        assertThatThrownBy(() -> store.create(info("cf"), ChangefeedStatus.initial(1000)))
                .isInstanceOf(CdcException.class).hasMessageContaining("ErrChangeFeedAlreadyExists");

        ChangefeedId half = new ChangefeedId("default", "half");
        client.create().creatingParentsIfNeeded().forPath(keys.changefeedStatus(half));
        assertThatThrownBy(() -> store.create(info("half"), ChangefeedStatus.initial(1000)))
                .isInstanceOf(CdcException.class);
        assertThat(client.checkExists().forPath(keys.changefeedInfo(half))).isNull();
        assertThat(client.checkExists().forPath(keys.changefeedTasks(half))).isNull();
    }

    @Test
    void aStatusWithSharedTablesRoundTripsAndAWithdrawalByEpochLeavesALaterRunsPosition() {
        ChangefeedId id = new ChangefeedId("default", "shared");
        store.create(info("shared"), ChangefeedStatus.initial(1000));
        ChangefeedStatus placed = store.updateStatus(id, s -> s.placed("lead", Map.of("other",
                new TableShare(1, List.of(5L, 3L))), List.of("other", "lead"))).orElseThrow();
        ChangefeedStatus read = store.status(id).orElseThrow().value();
        assertThat(read).isEqualTo(placed);
        assertThat(read.shares().get("other").tableIds()).containsExactly(3L, 5L);
        assertThat(read.balancedOver()).containsExactly("lead", "other");
        assertThat(read.participants()).containsExactly("lead", "other");
        assertThat(read.unplaced().participants()).as("unplaced: no lead, no shares").isEmpty();

        TaskStore tasks = new TaskStore(client, keys);
        TaskStore.TaskKey key = new TaskStore.TaskKey(id, "other");
        tasks.publish(key, new TaskPosition(read.epoch() + 1, 1000, ReaderState.initial(), 1000, 0, List.of(3L),
                Optional.empty(), Optional.empty(), List.of(), 0, 0));
        tasks.withdraw(key, read.epoch());
        assertThat(tasks.position(key)).as("a later run's position is not the old run's to withdraw").isPresent();
        tasks.withdraw(key, read.epoch() + 1);
        assertThat(tasks.position(key)).isEmpty();
        tasks.withdraw(key, read.epoch() + 1);
    }

    @Test
    void concurrentUpdatesAllLandThroughCompareAndSet() throws Exception {
        ChangefeedId id = new ChangefeedId("default", "cas");
        store.create(info("cas"), ChangefeedStatus.initial(1000));
        var pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            done.add(pool.submit(() -> store.updateStatus(id, s -> s.withCheckpoint(s.checkpointTs() + 1,
                    s.readerState()))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(store.status(id).orElseThrow().value().checkpointTs()).isEqualTo(1040);
        assertThat(store.status(id).orElseThrow().version()).isEqualTo(40);
    }

    @Test
    void removeDeletesInfoStatusAndTaskPositions() throws Exception {
        ChangefeedId id = new ChangefeedId("default", "gone");
        store.create(info("gone"), ChangefeedStatus.initial(1000));
        TaskStore tasks = new TaskStore(client, keys);
        assertThat(tasks.publish(new TaskStore.TaskKey(id, "capture-1"), TaskPosition.starting(1, 1000,
                io.cdc4j.model.ReaderState.initial()))).isTrue();
        assertThat(store.remove(id)).isTrue();
        assertThat(client.checkExists().forPath(keys.changefeedInfo(id))).isNull();
        assertThat(client.checkExists().forPath(keys.changefeedStatus(id))).isNull();
        assertThat(client.checkExists().forPath(keys.changefeedTasks(id))).isNull();
        assertThat(tasks.publish(new TaskStore.TaskKey(id, "capture-1"), TaskPosition.starting(1, 1000,
                io.cdc4j.model.ReaderState.initial()))).isFalse();
        assertThat(store.remove(id)).isFalse();
    }
}
