package io.cdc4j.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.testing.ServerProcess;
import io.cdc4j.testing.TestZooKeeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three capture processes on a ZooKeeper started separately, one of them configured by a TOML file. */
class ExternalClusterIT {
    private static final Duration TTL = Duration.ofSeconds(3);

    @TempDir
    Path work;

    @Test
    void membershipElectionResignKillAndGracefulStop() throws Exception {
        try (TestZooKeeper zk = new TestZooKeeper(work.resolve("zk"))) {
            String meta = "zk://" + zk.hostPort() + "/team-a";
            Path config = work.resolve("server.toml");
            Files.writeString(config, """
                    meta = "%s"
                    capture-session-ttl = %d
                    log-level = "debug"
                    """.formatted(meta, TTL.toSeconds()));
            String ttl = Long.toString(TTL.toSeconds());
            try (ServerProcess first = ServerProcess.start(work.resolve("a"), "--config", config.toString());
                 ServerProcess second = ServerProcess.start(work.resolve("b"), "--meta", meta,
                         "--capture-session-ttl", ttl);
                 ServerProcess third = ServerProcess.start(work.resolve("c"), "--meta", meta,
                         "--capture-session-ttl", ttl)) {
                assertThat(Files.exists(work.resolve("a/cdc-data/zookeeper")))
                        .as("no embedded ZooKeeper when --meta is given").isFalse();
                new ClusterScenario(List.of(first, second, third), Set.of(), TTL).run();
                for (ServerProcess capture : List.of(first, second, third)) {
                    if (capture.process().isAlive()) {
                        assertThat(capture.stopGracefully()).isZero();
                    }
                }
            }
            assertThat(childrenOf(zk.hostPort(), "/team-a/default/capture"))
                    .as("every capture is gone from the external ZooKeeper").isEmpty();
        }
    }

    private static List<String> childrenOf(String connect, String path) throws IOException {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connect, 5000, 5000, new RetryOneTime(100))) {
            client.start();
            client.blockUntilConnected();
            return client.checkExists().forPath(path) == null ? List.of() : client.getChildren().forPath(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
