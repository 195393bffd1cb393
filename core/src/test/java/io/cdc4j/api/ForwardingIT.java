package io.cdc4j.api;

import static io.cdc4j.api.ApiIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.capture.Liveness;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests for the owner reaching another capture, and what a stopping capture shows. */
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
