package io.cdc4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture whose ZooKeeper session is lost comes back under a new id. The loss is real: the ensemble is
 * replaced by one that never knew the session, so the capture's reconnect is answered "session expired".
 */
class SessionLossIT {
    @TempDir
    Path work;

    @Test
    void aCaptureThatLostItsSessionRejoinsUnderANewIdAndIsElectedAgain() {
        TestZooKeeper zk = new TestZooKeeper(work.resolve("zk"));
        int port = zk.port();
        try (CdcServer server = CdcServer.start(InProcessServers.config(work.resolve("capture"),
                Optional.of(MetaEndpoint.local(zk.hostPort())), "127.0.0.1:0"))) {
            Capture capture = server.capture();
            await().atMost(Duration.ofSeconds(10)).until(capture::isOwner);
            String firstId = capture.id();

            zk.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> !capture.isOwner());

            zk = new TestZooKeeper(work.resolve("zk-new"), port);
            await().atMost(Duration.ofSeconds(30)).until(() -> !capture.id().equals(firstId));
            String secondId = capture.id();
            await().atMost(Duration.ofSeconds(30)).until(capture::isOwner);
            await().atMost(Duration.ofSeconds(30)).until(() -> capture.registry().list().stream()
                    .map(CaptureInfo::id).toList().equals(java.util.List.of(secondId)));
            assertThat(capture.ownerLookup().ownerId()).contains(secondId);
        } finally {
            zk.close();
        }
    }
}
