package io.cdc4j.meta;

import io.cdc4j.model.ChangefeedId;
import java.util.Objects;

/**
 * The layout of cdc4j's keys in ZooKeeper for one cluster (all below the endpoint's chroot):
 * {@code /<cluster>/capture/<id>}, {@code /<cluster>/owner}, {@code /<cluster>/changefeed/info/<ns>/<id>},
 * {@code /<cluster>/changefeed/status/<ns>/<id>}, {@code /<cluster>/task/<ns>/<changefeed>/<capture>},
 * {@code /<cluster>/server-id/counter/<base>}, {@code /<cluster>/server-id/changefeed/<ns>/<id>},
 * {@code /<cluster>/schema/<ns>/<id>/<binlog-file>:<position>}.
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

    /** The parent of every namespace's changefeed infos. */
    public String changefeedInfos() {
        return "/" + clusterId + "/changefeed/info";
    }

    /** One changefeed's info: what it is and its state. */
    public String changefeedInfo(ChangefeedId changefeed) {
        return changefeedInfos() + "/" + changefeed.namespace() + "/" + changefeed.id();
    }

    /** The parent of every namespace's changefeed statuses. */
    public String changefeedStatuses() {
        return "/" + clusterId + "/changefeed/status";
    }

    /** One changefeed's status: checkpoint, reader state, placement. */
    public String changefeedStatus(ChangefeedId changefeed) {
        return changefeedStatuses() + "/" + changefeed.namespace() + "/" + changefeed.id();
    }

    /** The parent of every namespace's task positions. */
    public String tasks() {
        return "/" + clusterId + "/task";
    }

    /** The parent of one changefeed's task positions, created and removed with the changefeed. */
    public String changefeedTasks(ChangefeedId changefeed) {
        return tasks() + "/" + changefeed.namespace() + "/" + changefeed.id();
    }

    /** One processor's position for a changefeed on a capture. */
    public String task(ChangefeedId changefeed, String captureId) {
        return changefeedTasks(changefeed) + "/" + captureId;
    }

    /** The parent of the binlog server id counters, one per base. */
    public String serverIdCounters() {
        return "/" + clusterId + "/server-id/counter";
    }

    /** How many binlog server ids were given out counted from {@code base}. */
    public String serverIdCounter(long base) {
        return serverIdCounters() + "/" + base;
    }

    /** The parent of every namespace's changefeed server ids. */
    public String serverIdsOfChangefeeds() {
        return "/" + clusterId + "/server-id/changefeed";
    }

    /** One changefeed's binlog server ids, removed with the changefeed. */
    public String serverIds(ChangefeedId changefeed) {
        return serverIdsOfChangefeeds() + "/" + changefeed.namespace() + "/" + changefeed.id();
    }

    /** The parent of one changefeed's saved table schemas, one node per version (a container node). */
    public String schemaSnapshots(ChangefeedId changefeed) {
        return "/" + clusterId + "/schema/" + changefeed.namespace() + "/" + changefeed.id();
    }

    /** The table schemas of one changefeed saved for the version named {@code version}. */
    public String schemaSnapshot(ChangefeedId changefeed, String version) {
        return schemaSnapshots(changefeed) + "/" + version;
    }
}
