package io.cdc4j.meta;

import java.util.Objects;

/**
 * The layout of cdc4j's keys in ZooKeeper for one cluster (all below the endpoint's chroot):
 * {@code /<cluster>/capture/<id>}, {@code /<cluster>/owner}, {@code /<cluster>/changefeed/...}.
 */
public record MetaKeys(String clusterId) {

    public MetaKeys {
        Objects.requireNonNull(clusterId, "clusterId");
        if (clusterId.isEmpty() || clusterId.contains("/")) {
            throw new IllegalArgumentException("cluster id must be non-empty and contain no '/': " + clusterId);
        }
    }

    /** The parent of every capture's ephemeral registration. */
    public String captures() {
        return "/" + clusterId + "/capture";
    }

    /** One capture's ephemeral registration. */
    public String capture(String captureId) {
        return captures() + "/" + captureId;
    }

    /** The owner election's latch path. */
    public String ownerElection() {
        return "/" + clusterId + "/owner";
    }
}
