package io.cdc4j.capture;

import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three capture processes on the embedded ZooKeeper of the first, started as a user would start them. */
class EmbeddedClusterIT {
    private static final Duration TTL = Duration.ofSeconds(3);

    @TempDir
    Path work;

    @Test
    void membershipElectionResignKillAndGracefulStop() {
        String zk = FreePorts.loopback();
        String ttl = Long.toString(TTL.toSeconds());
        try (ServerProcess first = ServerProcess.start(work.resolve("a"), "--meta-listen", zk, "--data-dir", "data",
                "--capture-session-ttl", ttl);
             ServerProcess second = ServerProcess.start(work.resolve("b"), "--meta", "zk://" + zk,
                     "--capture-session-ttl", ttl);
             ServerProcess third = ServerProcess.start(work.resolve("c"), "--meta", "zk://" + zk,
                     "--capture-session-ttl", ttl)) {
            new ClusterScenario(List.of(first, second, third), Set.of(first), TTL).run();
        }
    }
}
