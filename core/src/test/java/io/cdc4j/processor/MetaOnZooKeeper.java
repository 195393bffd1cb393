package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
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
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * Test fixture: a real ZooKeeper with the changefeed and task stores on it, and the few steps the processor tests
 * take as the owner would (create a changefeed, place it, change its state) or as ZooKeeper can fail (an ACL that
 * refuses new task positions).
 */
final class MetaOnZooKeeper implements AutoCloseable {
    static final long START_TS = 1_000;

    final MetaKeys keys = new MetaKeys("default");
    final TestZooKeeper zk;
    final CuratorFramework client;
    final ChangefeedStore changefeeds;
    final TaskStore tasks;

    MetaOnZooKeeper(Path dir) {
        this(dir, Duration.ofSeconds(10));
    }

    /** @param sessionTtl how long the client's session (and its task positions) outlives a lost connection */
    MetaOnZooKeeper(Path dir, Duration sessionTtl) {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), sessionTtl, Duration.ofSeconds(10));
        changefeeds = new ChangefeedStore(client, keys);
        tasks = new TaskStore(client, keys);
    }

    static ChangefeedInfo info(String id, String sinkUri) {
        return new ChangefeedInfo("default", id, sinkUri, START_TS, 0, Instant.now(), ReplicaConfig.defaults(),
                ChangefeedState.NORMAL, Optional.empty(), Optional.empty(), "v0.1.0", Optional.empty());
    }

    /** Creates a running changefeed to blackhole://, placed on the capture. */
    ChangefeedId placed(String id, String capture) {
        return placed(info(id, "blackhole://"), capture);
    }

    ChangefeedId placed(ChangefeedInfo info, String capture) {
        changefeeds.create(info, ChangefeedStatus.initial(info.startTs()));
        place(info.changefeedId(), capture);
        return info.changefeedId();
    }

    /** Places the changefeed on a capture under a new epoch; returns the epoch. */
    long place(ChangefeedId id, String capture) {
        return changefeeds.updateStatus(id, s -> s.placedOn(capture)).orElseThrow().epoch();
    }

    void setState(ChangefeedId id, ChangefeedState state) {
        changefeeds.updateInfo(id, i -> i.withState(state));
    }

    Optional<TaskPosition> position(ChangefeedId id, String capture) {
        return tasks.position(new TaskStore.TaskKey(id, capture));
    }

    /** Makes ZooKeeper refuse to create any task position of the changefeed (as a real NoAuth error). */
    void refuseNewPositions(ChangefeedId id) throws Exception {
        int allButCreate = ZooDefs.Perms.ALL & ~ZooDefs.Perms.CREATE;
        client.setACL().withACL(List.of(new ACL(allButCreate, ZooDefs.Ids.ANYONE_ID_UNSAFE)))
                .forPath(keys.changefeedTasks(id));
    }

    void allowNewPositions(ChangefeedId id) throws Exception {
        client.setACL().withACL(ZooDefs.Ids.OPEN_ACL_UNSAFE).forPath(keys.changefeedTasks(id));
    }

    @Override
    public void close() {
        client.close();
        zk.close();
    }
}
