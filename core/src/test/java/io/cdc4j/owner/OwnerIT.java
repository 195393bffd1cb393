package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's loop against a real ZooKeeper: an Error in a tick is logged and the loop goes on, unless it is fatal;
 * admin jobs are answered once applied, and never left waiting when the term ends.
 */
class OwnerIT {
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestZooKeeper zk;
    CuratorFramework client;
    ChangefeedStore changefeeds;
    final MetaKeys keys = new MetaKeys("default");
    final FailingClock clock = new FailingClock();
    final List<Throwable> exits = new CopyOnWriteArrayList<>();
    Owner owner;
    Thread term;

    @BeforeEach
    void start() {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        changefeeds = new ChangefeedStore(client, keys);
        CaptureRegistry captures = new CaptureRegistry(client, keys);
        captures.register(new CaptureInfo("capture-1", "127.0.0.1:8300", "v0", "g", "default", Instant.now(),
                Liveness.ALIVE, Optional.of("in-process")));
        owner = new Owner(changefeeds, new TaskStore(client, keys), captures,
                new OwnerSettings(Duration.ofMillis(20), clock, Duration.ofMillis(20)), exits::add);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (term != null) {
            term.interrupt();
            term.join(10_000);
        }
        client.close();
        zk.close();
    }

    private void lead() {
        term = Thread.ofPlatform().name("owner-term").start(() -> {
            try {
                owner.lead("capture-1");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private ChangefeedId changefeed(String id) {
        changefeeds.create(new ChangefeedInfo("default", id, "blackhole://", 1000, 0, Instant.now(),
                ReplicaConfig.defaults(), ChangefeedState.NORMAL, Optional.empty(), Optional.empty(), "v0", Optional.empty()),
                ChangefeedStatus.initial(1000));
        return new ChangefeedId("default", id);
    }

    private Optional<String> placement(ChangefeedId id) {
        return changefeeds.status(id).orElseThrow().value().captureId();
    }

    @Test
    void anErrorInEveryTickIsSurvivedAndTheChangefeedsArePlacedOnceItStops() {
        ChangefeedId id = changefeed("survivor");
        clock.failWith(new AssertionError("fake"));
        lead();
        await().atMost(DEADLINE).until(() -> clock.failures() >= 5);
        assertThat(term.isAlive()).isTrue();
        assertThat(placement(id)).isEmpty();

        clock.failWith(null);
        await().atMost(DEADLINE).until(() -> placement(id).equals(Optional.of("capture-1")));
        assertThat(exits).isEmpty();
        assertThat(owner.hasTicked()).isTrue();
    }

    @Test
    void anOutOfMemoryErrorInATickEndsTheTermAndAsksForTheExit() {
        changefeed("doomed");
        OutOfMemoryError fake = new OutOfMemoryError("fake");
        clock.failWith(fake);
        lead();
        await().atMost(DEADLINE).until(() -> exits.contains(fake));
        await().atMost(DEADLINE).until(() -> !term.isAlive());
        assertThat(owner.hasTicked()).as("the term is over").isFalse();
    }

    @Test
    void aJobIsAnsweredOnceAppliedAndRefusedWhenThisCaptureDoesNotLead() throws Exception {
        ChangefeedId id = changefeed("paused");
        assertThatThrownBy(() -> owner.submit(new AdminJob.Pause(id)))
                .satisfies(e -> assertThat(((CdcException) e).errorCode()).isEqualTo(ErrorCode.OWNER_NOT_FOUND));
        lead();
        await().atMost(DEADLINE).until(owner::hasTicked);
        owner.submit(new AdminJob.Pause(id)).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(changefeeds.info(id).orElseThrow().value().state()).as("applied before the answer")
                .isEqualTo(ChangefeedState.STOPPED);
        assertThatThrownBy(() -> owner.submit(new AdminJob.Pause(new ChangefeedId("default", "nothing")))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                .cause().satisfies(e -> assertThat(((CdcException) e).errorCode())
                        .isEqualTo(ErrorCode.CHANGEFEED_NOT_EXISTS));
    }

    @Test
    void aJobStillQueuedWhenTheTermEndsIsAnsweredAsNotTheOwner() throws Exception {
        ChangefeedId id = changefeed("orphan");
        // ticks an hour apart: after its first tick the term sleeps, so the job stays queued until it ends
        owner = new Owner(changefeeds, new TaskStore(client, keys), new CaptureRegistry(client, keys),
                new OwnerSettings(Duration.ofHours(1), clock, Duration.ofMillis(20)), exits::add);
        lead();
        await().atMost(DEADLINE).until(owner::hasTicked);
        Future<Void> queued = owner.submit(new AdminJob.Pause(id));
        assertThat(queued).isNotDone();

        term.interrupt();
        term.join(10_000);
        assertThatThrownBy(() -> queued.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().satisfies(e -> assertThat(((CdcException) e).errorCode())
                        .isEqualTo(ErrorCode.OWNER_NOT_FOUND));
        assertThat(changefeeds.info(id).orElseThrow().value().state()).isEqualTo(ChangefeedState.NORMAL);
        assertThatThrownBy(() -> owner.submit(new AdminJob.Pause(id)))
                .satisfies(e -> assertThat(((CdcException) e).errorCode()).isEqualTo(ErrorCode.OWNER_NOT_FOUND));
    }

    /** A fake clock: the system clock, or, while armed, a clock whose reading throws the given Error. */
    static final class FailingClock extends Clock {
        private final AtomicReference<Error> failure = new AtomicReference<>();
        private volatile int failures;

        void failWith(Error error) {
            failure.set(error);
        }

        int failures() {
            return failures;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            Error error = failure.get();
            if (error != null) {
                failures++;
                throw error;
            }
            return Instant.now();
        }
    }
}
