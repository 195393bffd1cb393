package io.cdc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerConfig;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a second embedded ZooKeeper where one already listens. */
class EmbeddedMetaIT {
    @TempDir
    Path work;

    @Test
    void aSecondEmbeddedZooKeeperOnATakenPortSaysToPassMeta() {
        try (CdcServer first = InProcessServers.withEmbeddedMeta(work.resolve("a"))) {
            String taken = first.embeddedMetaAddress().orElseThrow();
            ServerConfig clash = InProcessServers.config(work.resolve("b"), Optional.empty(), taken);

            assertThatThrownBy(() -> CdcServer.start(clash))
                    .isInstanceOf(CdcException.class)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("--meta zk://" + taken);

            // joining the running one, as the message says, works
            try (CdcServer retry = CdcServer.start(InProcessServers.config(work.resolve("b"),
                    Optional.of(MetaEndpoint.local(taken)), taken))) {
                assertThat(retry.embeddedMetaAddress()).isEmpty();
                assertThat(Http.get(InProcessServers.baseUrl(retry), "/api/v2/status").status()).isEqualTo(200);
            }
        }
    }
}
