package io.cdc4j.api;

import static io.cdc4j.api.ApiIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.capture.Liveness;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.server.CdcServer;
import io.cdc4j.server.ServerOptions;
import io.cdc4j.testing.FedChangeSources;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests for the owner reaching another capture (the owner's errors relayed as they are), and what a stopping
 * capture shows.
 */
class ForwardingIT {
    @TempDir
    Path work;

    @Test
    void nonOwnersForwardToTheOwnerAndRefuseForwardingLoops() {
        try (CdcServer first = InProcessServers.withEmbeddedMeta(work.resolve("a"));
             CdcServer second = InProcessServers.joining(work.resolve("b"), first.embeddedMetaAddress().orElseThrow())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.capture().isOwner() || second.capture().isOwner());
            CdcServer follower = first.capture().isOwner() ? second : first;
            String base = InProcessServers.baseUrl(follower);

            await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v2/captures").json()
                    .get("total").asInt() == 2);
            assertThat(Http.get(base, "/api/v2/health").status()).isEqualTo(200);

            Http.Response loop = Http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/captures"))
                    .header("TiCDC-ForwardTimes", "3").GET());
            assertThat(loop.status()).isEqualTo(500);
            assertThat(loop.json().get("error_code").asText()).isEqualTo("ErrRequestForwardErr");

            Http.Response garbage = Http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/captures"))
                    .header("TiCDC-ForwardTimes", "many").GET());
            assertThat(garbage.status()).isEqualTo(500);
            assertThat(garbage.json().get("error_code").asText()).isEqualTo("ErrRequestForwardErr");

            // bad input is answered by the owner, relayed as it is
            Http.Response missing = Http.get(base, "/api/v2/nothing");
            assertThat(missing.status()).isEqualTo(404);
            assertError(missing, "CDC:ErrAPINotFound");
        }
    }

    @Test
    void theOwnersErrorForAnAdminJobIsRelayedByANonOwner() throws Exception {
        ServerOptions fed = ServerOptions.standard().withSources(new FedChangeSources());
        try (CdcServer first = InProcessServers.withEmbeddedMeta(work.resolve("a"), fed);
             CdcServer second = InProcessServers.joining(work.resolve("b"), first.embeddedMetaAddress().orElseThrow(),
                     fed);
             CuratorFramework zk = MetaSession.open(MetaEndpoint.local(first.embeddedMetaAddress().orElseThrow()),
                     Duration.ofSeconds(10), Duration.ofSeconds(10))) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> first.capture().isOwner() || second.capture().isOwner());
            CdcServer follower = first.capture().isOwner() ? second : first;
            String base = InProcessServers.baseUrl(follower);
            assertThat(Http.post(base, "/api/v2/changefeeds", "{\"changefeed_id\":\"relayed\",\"sink_uri\":"
                    + "\"blackhole://\"}").status()).isEqualTo(200);
            MetaKeys keys = new MetaKeys("default");
            String info = keys.changefeedInfo(new ChangefeedId("default", "relayed"));

            // ZooKeeper refuses writes to the changefeed's info, as a real NoAuth error: the owner cannot pause it
            zk.setACL().withACL(List.of(new ACL(ZooDefs.Perms.ALL & ~ZooDefs.Perms.WRITE,
                    ZooDefs.Ids.ANYONE_ID_UNSAFE))).forPath(info);
            Http.Response refused = Http.post(base, "/api/v2/changefeeds/relayed/pause", null);
            assertThat(refused.status()).isEqualTo(500);
            assertError(refused, "CDC:ErrMetaStore");
            assertThat(refused.json().get("error_msg").asText()).contains("cannot update " + info);
            zk.setACL().withACL(ZooDefs.Ids.OPEN_ACL_UNSAFE).forPath(info);

            CaptureRegistry registry = new CaptureRegistry(zk, keys);
            registry.register(registry.get(follower.capture().id()).orElseThrow().withId("leaving-capture")
                    .withLiveness(Liveness.STOPPING));
            Http.Response move = Http.post(base, "/api/v1/changefeeds/relayed/tables/move_table",
                    "{\"capture_id\":\"leaving-capture\",\"table_id\":1}");
            assertThat(move.status()).isEqualTo(400);
            assertError(move, "CDC:ErrSchedulerRequestFailed");

            assertThat(Http.post(base, "/api/v2/changefeeds/relayed/pause", null).status()).isEqualTo(200);
            assertThat(Http.get(base, "/api/v2/changefeeds/relayed").json().get("state").asText())
                    .as("the relayed answer comes once the owner paused it").isEqualTo("stopped");
        }
    }

    @Test
    void aStoppingCaptureShowsLiveness1GivesUpOwnershipAndThenLeaves() {
        try (CdcServer first = InProcessServers.withEmbeddedMeta(work.resolve("a"));
             CdcServer second = InProcessServers.joining(work.resolve("b"), first.embeddedMetaAddress().orElseThrow())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.capture().isOwner());
            String stoppingId = first.capture().id();
            String stoppingBase = InProcessServers.baseUrl(first);

            first.capture().beginStop();

            var status = Http.get(stoppingBase, "/api/v2/status").json();
            assertThat(status.get("liveness").asInt()).isEqualTo(1);
            assertThat(status.get("is_owner").asBoolean()).isFalse();
            assertThat(second.capture().registry().get(stoppingId).orElseThrow().liveness())
                    .isEqualTo(Liveness.STOPPING);
            await().atMost(Duration.ofSeconds(10)).until(() -> second.capture().isOwner());
            // a stopping capture never takes the ownership back
            Http.post(InProcessServers.baseUrl(second), "/api/v2/owner/resign", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> second.capture().isOwner());
            assertThat(first.capture().isOwner()).isFalse();

            second.capture().close();
            // no capture campaigns any more: requests for the owner fail as TiCDC's do without a leader
            Http.Response noOwner = Http.get(stoppingBase, "/api/v2/captures");
            assertThat(noOwner.status()).isEqualTo(500);
            assertThat(noOwner.json().get("error_code").asText()).isEmpty();
            assertThat(noOwner.json().get("error_msg").asText()).isEqualTo("election: no leader");
        }
    }
}
