package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /api/v2/captures} (and v1's bare array). */
public record CaptureItem(
        @JsonProperty("id") String id,
        @JsonProperty("is_owner") boolean isOwner,
        @JsonProperty("address") String address,
        @JsonProperty("cluster_id") String clusterId) {
}
