package io.cdc4j.capture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** What a capture registers about itself in ZooKeeper, for the owner and the other captures to read. */
public record CaptureInfo(
        @JsonProperty("id") String id,
        @JsonProperty("address") String address,
        @JsonProperty("version") String version,
        @JsonProperty("git_hash") String gitHash,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("start_time") Instant startTime,
        @JsonProperty("liveness") Liveness liveness) {

    public CaptureInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gitHash, "gitHash");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(liveness, "liveness");
    }

    /** The same capture, now with the given liveness. */
    public CaptureInfo withLiveness(Liveness newLiveness) {
        return new CaptureInfo(id, address, version, gitHash, clusterId, startTime, newLiveness);
    }

    /** The same process under a new id, as after its ZooKeeper session was lost. */
    public CaptureInfo withId(String newId) {
        return new CaptureInfo(newId, address, version, gitHash, clusterId, startTime, liveness);
    }
}
