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
 * @param sharesTables whether the capture can run a share of a changefeed's tables (its sources read a real
 *                     binlog), so the owner may spread a changefeed's tables to it
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
        @JsonProperty("upstream") Optional<String> upstream,
        @JsonProperty("shares_tables") boolean sharesTables) {

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

    /** A capture that runs changefeeds whole only. */
    public CaptureInfo(String id, String address, String version, String gitHash, String clusterId, Instant startTime,
                       Liveness liveness, Optional<String> upstream) {
        this(id, address, version, gitHash, clusterId, startTime, liveness, upstream, false);
    }

    /**
     * Whether this capture can run a changefeed reading {@code changefeedUpstream}: it reads an upstream, and the
     * same one when the changefeed names one.
     */
    public boolean reads(Optional<String> changefeedUpstream) {
        return upstream.isPresent() && (changefeedUpstream.isEmpty() || changefeedUpstream.equals(upstream));
    }

    /** Whether this capture can take a share of a changefeed reading {@code changefeedUpstream}. */
    public boolean takesShareOf(Optional<String> changefeedUpstream) {
        return sharesTables && reads(changefeedUpstream);
    }

    /** The same capture, now with the given liveness. */
    public CaptureInfo withLiveness(Liveness newLiveness) {
        return new CaptureInfo(id, address, version, gitHash, clusterId, startTime, newLiveness, upstream,
                sharesTables);
    }

    /** The same process under a new id, as after its ZooKeeper session was lost. */
    public CaptureInfo withId(String newId) {
        return new CaptureInfo(newId, address, version, gitHash, clusterId, startTime, liveness, upstream,
                sharesTables);
    }
}
