package io.cdc4j.capture;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a capture registers about itself in ZooKeeper, for the owner and the other captures to read.
 *
 * @param upstream the upstream whose binlog the capture reads, as {@code host:port}; empty for a capture started
 *                 without {@code --upstream}, which the owner gives no changefeed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaptureInfo(
        @JsonProperty("id") String id,
        @JsonProperty("address") String address,
        @JsonProperty("version") String version,
        @JsonProperty("git_hash") String gitHash,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("start_time") Instant startTime,
        @JsonProperty("liveness") Liveness liveness,
        @JsonProperty("upstream") Optional<String> upstream) {

    public CaptureInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gitHash, "gitHash");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(liveness, "liveness");
        upstream = upstream == null ? Optional.empty() : upstream;
    }

    /**
     * Whether this capture can run a changefeed reading {@code changefeedUpstream}: it reads an upstream, and the
     * same one when the changefeed names one.
     */
    public boolean reads(Optional<String> changefeedUpstream) {
        return upstream.isPresent() && (changefeedUpstream.isEmpty() || changefeedUpstream.equals(upstream));
    }

    /** The same capture, now with the given liveness. */
    public CaptureInfo withLiveness(Liveness newLiveness) {
        return new CaptureInfo(id, address, version, gitHash, clusterId, startTime, newLiveness, upstream);
    }

    /** The same process under a new id, as after its ZooKeeper session was lost. */
    public CaptureInfo withId(String newId) {
        return new CaptureInfo(newId, address, version, gitHash, clusterId, startTime, liveness, upstream);
    }
}
