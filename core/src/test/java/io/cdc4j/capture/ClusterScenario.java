package io.cdc4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.io.UncheckedIOException;

/**
 * The membership and election checks that must hold for any cluster of three real capture processes,
 * whatever ZooKeeper they share.
 */
final class ClusterScenario {
    private final List<ServerProcess> captures;
    private final Set<ServerProcess> mustSurvive;
    private final Duration sessionTtl;

    /**
     * @param mustSurvive captures that may not be killed (the one hosting the embedded ZooKeeper)
     */
    ClusterScenario(List<ServerProcess> captures, Set<ServerProcess> mustSurvive, Duration sessionTtl) {
        this.captures = new ArrayList<>(captures);
        this.mustSurvive = mustSurvive;
        this.sessionTtl = sessionTtl;
    }

    void run() {
        ServerProcess owner = awaitSingleOwner();
        assertEveryCaptureListsAll();

        // resign, asked of a capture that is not the owner: forwarded to the owner, which steps down
        ServerProcess other = captures.stream().filter(c -> c != owner).findFirst().orElseThrow();
        Http.Response resign = Http.post(other.baseUrl(), "/api/v2/owner/resign", null);
        assertThat(resign.status()).isEqualTo(200);
        assertThat(resign.body()).isEqualTo("{}");
        ServerProcess newOwner = awaitOwnerOtherThan(owner);
        assertEveryCaptureListsAll();

        // a killed owner disappears without deregistering; a new owner is elected within the session ttl
        ServerProcess victim = newOwner;
        while (mustSurvive.contains(victim)) {
            Http.post(victim.baseUrl(), "/api/v1/owner/resign", null);
            victim = awaitOwnerOtherThan(victim);
        }
        String victimId = victim.status().get("id").asText();
        assertThat(victim.kill()).isEqualTo(137);
        captures.remove(victim);
        ServerProcess killed = victim;
        await("a new owner after the owner was killed").atMost(sessionTtl.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ownerAmongLive().filter(o -> o != killed).isPresent()
                        && !listedIds(captures.get(0)).contains(victimId));
        assertEveryCaptureListsAll();

        // a graceful stop exits 0 and deregisters at once, without waiting for the session to expire
        ServerProcess leaving = captures.stream().filter(c -> !mustSurvive.contains(c)).findFirst().orElseThrow();
        String leavingId = leaving.status().get("id").asText();
        assertThat(leaving.stopGracefully()).isZero();
        assertThat(leaving.logText()).contains("capture " + leavingId + " is stopping (liveness 1)")
                .contains("capture " + leavingId + " deregistered");
        captures.remove(leaving);
        assertThat(listedIds(captures.get(0))).doesNotContain(leavingId);
        awaitSingleOwner();
        assertEveryCaptureListsAll();
    }

    private ServerProcess awaitSingleOwner() {
        await("exactly one owner").atMost(sessionTtl.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ownerAmongLive().isPresent());
        return ownerAmongLive().orElseThrow();
    }

    private ServerProcess awaitOwnerOtherThan(ServerProcess previous) {
        await("ownership moves away from " + previous.address()).atMost(sessionTtl.plusSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ownerAmongLive().filter(o -> o != previous).isPresent());
        return ownerAmongLive().orElseThrow();
    }

    /** The one capture that says it is the owner, absent if none or several do. */
    private Optional<ServerProcess> ownerAmongLive() {
        List<ServerProcess> owners = new ArrayList<>();
        for (ServerProcess capture : captures) {
            try {
                if (capture.status().get("is_owner").asBoolean()) {
                    owners.add(capture);
                }
            } catch (UncheckedIOException e) {
                return Optional.empty();
            }
        }
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    private void assertEveryCaptureListsAll() {
        Set<String> ids = new HashSet<>();
        for (ServerProcess capture : captures) {
            JsonNode status = capture.status();
            ids.add(status.get("id").asText());
            assertThat(status.get("liveness").asInt()).isZero();
        }
        ServerProcess owner = awaitSingleOwner();
        String ownerId = owner.status().get("id").asText();
        for (ServerProcess capture : captures) {
            await("every capture listed by " + capture.address()).atMost(sessionTtl.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> listedIds(capture).equals(ids));
            JsonNode list = Http.get(capture.baseUrl(), "/api/v2/captures").json();
            assertThat(list.get("total").asInt()).isEqualTo(captures.size());
            for (JsonNode item : list.get("items")) {
                assertThat(item.get("is_owner").asBoolean()).isEqualTo(item.get("id").asText().equals(ownerId));
                assertThat(item.get("cluster_id").asText()).isEqualTo("default");
                assertThat(item.get("address").asText()).isNotEmpty();
            }
            JsonNode v1 = Http.get(capture.baseUrl(), "/api/v1/captures").json();
            assertThat(v1.isArray()).isTrue();
            assertThat(v1).hasSize(captures.size());
        }
    }

    private static Set<String> listedIds(ServerProcess capture) {
        Set<String> ids = new HashSet<>();
        Http.get(capture.baseUrl(), "/api/v2/captures").json().get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
