package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/v2/status} (and v1): one capture's own view of itself. */
public record ServerStatus(
        @JsonProperty("version") String version,
        @JsonProperty("git_hash") String gitHash,
        @JsonProperty("id") String id,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("pid") long pid,
        @JsonProperty("is_owner") boolean isOwner,
        @JsonProperty("liveness") int liveness) {
}
