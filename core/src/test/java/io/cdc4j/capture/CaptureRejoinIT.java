package io.cdc4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture whose rejoin after a session loss fails is tried again until it is back: the loss is real (the ensemble is
 * replaced by one that never knew the session) and so is the failure (the new ensemble refuses the registration
 * until the test lifts its ACL).
 */
class CaptureRejoinIT {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    final MetaKeys keys = new MetaKeys("default");

    @TempDir
    Path work;

    @Test
    void aRejoinTheEnsembleRefusesIsRetriedUntilTheCaptureIsRegisteredAndElectedAgain() throws Exception {
        Path replacement = work.resolve("zk-new");
        prepareEnsembleRefusingRegistrations(replacement);
        List<Throwable> exits = new CopyOnWriteArrayList<>();
        TestZooKeeper zk = new TestZooKeeper(work.resolve("zk"));
        int port = zk.port();
        CuratorFramework client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(4),
                Duration.ofSeconds(10));
        Capture capture = new Capture(client, keys, "127.0.0.1:8300", "v0", "g", Optional.empty(),
                captureId -> Thread.sleep(60_000),
                exits::add);
        try {
            capture.start();
            await().atMost(DEADLINE).until(capture::isOwner);
            String firstId = capture.id();

            zk.close();
            zk = new TestZooKeeper(replacement, port);
            await().atMost(DEADLINE).until(() -> !capture.id().equals(firstId));
            String secondId = capture.id();
            try (CuratorFramework admin = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10),
                    Duration.ofSeconds(10))) {
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> capture.registry().list().isEmpty());
                admin.setACL().withACL(ZooDefs.Ids.OPEN_ACL_UNSAFE).forPath(keys.captures());
            }
            await().atMost(DEADLINE).until(() -> capture.registry().list().stream().map(CaptureInfo::id).toList()
                    .equals(List.of(secondId)));
            await().atMost(DEADLINE).until(capture::isOwner);
            assertThat(exits).isEmpty();
        } finally {
            capture.close();
            client.close();
            zk.close();
        }
    }

    /** Writes, on a port of its own, the data of an ensemble whose capture folder refuses new registrations. */
    private void prepareEnsembleRefusingRegistrations(Path dataDir) throws Exception {
        try (TestZooKeeper prepared = new TestZooKeeper(dataDir);
             CuratorFramework admin = MetaSession.open(MetaEndpoint.local(prepared.hostPort()),
                     Duration.ofSeconds(10), Duration.ofSeconds(10))) {
            int allButCreate = ZooDefs.Perms.ALL & ~ZooDefs.Perms.CREATE;
            admin.create().creatingParentsIfNeeded()
                    .withACL(List.of(new ACL(allButCreate, ZooDefs.Ids.ANYONE_ID_UNSAFE)))
                    .forPath(keys.captures());
        }
    }
}
