package io.cdc4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binlog server ids against a real ZooKeeper: unique across changefeeds and captures, stable, removed with them. */
class ServerIdStoreIT {
    private static final long BASE = 1_000_000;

    @TempDir
    Path dir;
    TestZooKeeper zk;
    CuratorFramework client;
    CuratorFramework otherCapture;
    ChangefeedStore changefeeds;
    final MetaKeys keys = new MetaKeys("default");

    @BeforeEach
    void start() {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        otherCapture = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        changefeeds = new ChangefeedStore(client, keys);
    }

    @AfterEach
    void stop() {
        otherCapture.close();
        client.close();
        zk.close();
    }

    private ChangefeedId create(String id) {
        changefeeds.create(ChangefeedStoreIT.info(id), ChangefeedStatus.initial(1000));
        return new ChangefeedId("default", id);
    }

    @Test
    void idsAreUniqueAcrossChangefeedsAndCapturesAllocatingAtOnce() throws Exception {
        List<ChangefeedId> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(create("cf" + i));
        }
        ServerIdStore here = new ServerIdStore(client, keys);
        ServerIdStore there = new ServerIdStore(otherCapture, keys);
        List<Callable<ServerIds>> calls = new ArrayList<>();
        for (ChangefeedId id : ids) {
            calls.add(() -> here.of(id, BASE));
            calls.add(() -> there.of(id, BASE));
        }
        List<ServerIds> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<ServerIds> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        }
        Set<Long> given = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            ServerIds mine = results.get(2 * i);
            assertThat(results.get(2 * i + 1)).as("both captures see one allocation").isEqualTo(mine);
            assertThat(mine.reader()).isGreaterThan(BASE);
            assertThat(given.add(mine.reader())).isTrue();
            assertThat(given.add(mine.probe())).isTrue();
        }
        assertThat(given).hasSize(80);
    }

    @Test
    void aChangefeedKeepsItsIdsAndLosesThemWithItsRemoval() {
        ServerIdStore store = new ServerIdStore(client, keys);
        ChangefeedId cf = create("kept");
        ServerIds first = store.of(cf, BASE);
        assertThat(new ServerIdStore(otherCapture, keys).of(cf, BASE)).isEqualTo(first);

        changefeeds.remove(cf);
        assertThat(new VersionedNodes(client).read(keys.serverIds(cf), ServerIds.class)).isEmpty();
        assertThatThrownBy(() -> store.of(cf, BASE)).isInstanceOf(CdcException.class)
                .extracting(e -> ((CdcException) e).errorCode()).isEqualTo(ErrorCode.CHANGEFEED_NOT_EXISTS);

        create("kept");
        ServerIds again = store.of(cf, BASE);
        assertThat(again.reader()).as("a re-created changefeed gets fresh ids").isNotIn(first.reader(), first.probe());
    }

    @Test
    void eachSlotOfAChangefeedSharedOverCapturesGetsIdsOfItsOwnRemovedWithIt() {
        ServerIdStore store = new ServerIdStore(client, keys);
        ChangefeedId cf = create("shared");
        ServerIds lead = store.of(cf, BASE);
        ServerIds first = store.of(cf, BASE, 1);
        ServerIds second = new ServerIdStore(otherCapture, keys).of(cf, BASE, 2);
        assertThat(Set.of(lead.reader(), lead.probe(), first.reader(), first.probe(), second.reader(),
                second.probe())).as("no two binlog connections share a server id").hasSize(6);
        assertThat(store.of(cf, BASE, 1)).as("a slot keeps its ids").isEqualTo(first);
        assertThat(store.of(cf, BASE, 0)).as("slot 0 is the lead's").isEqualTo(lead);

        changefeeds.remove(cf);
        assertThat(new VersionedNodes(client).read(keys.serverIds(cf) + "/1", ServerIds.class)).isEmpty();
        assertThat(new VersionedNodes(client).read(keys.serverIds(cf), ServerIds.class)).isEmpty();
    }

    @Test
    void anotherBaseGivesTheChangefeedIdsFromTheNewRange() {
        ServerIdStore store = new ServerIdStore(client, keys);
        ChangefeedId cf = create("moved");
        ServerIds old = store.of(cf, BASE);
        ServerIds moved = store.of(cf, 5_000_000);
        assertThat(moved.base()).isEqualTo(5_000_000);
        assertThat(moved.reader()).isBetween(5_000_001L, 5_000_002L);
        assertThat(store.of(cf, 5_000_000)).isEqualTo(moved);
        assertThat(old.reader()).isBetween(BASE + 1, BASE + 2);
    }
}
