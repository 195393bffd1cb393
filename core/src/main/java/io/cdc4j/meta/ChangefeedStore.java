package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changefeeds of a cluster in ZooKeeper: their info and status nodes (and the folder of their task positions),
 * created together in one transaction, changed only by compare-and-set, removed together (with their binlog
 * server ids, see {@link ServerIdStore}) in one transaction.
 */
public final class ChangefeedStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChangefeedStore.class);
    private static final int MAX_REMOVE_ATTEMPTS = 20;

    private final CuratorFramework client;
    private final MetaKeys keys;
    private final VersionedNodes nodes;

    public ChangefeedStore(CuratorFramework client, MetaKeys keys) {
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nodes = new VersionedNodes(client);
    }

    /**
     * Creates a changefeed: info, status and its task folder, all or nothing.
     *
     * @throws CdcException CHANGEFEED_ALREADY_EXISTS when a changefeed with this namespace and id exists
     */
    public void create(ChangefeedInfo info, ChangefeedStatus status) {
        ChangefeedId id = info.changefeedId();
        nodes.ensurePath(keys.changefeedInfos() + "/" + id.namespace());
        nodes.ensurePath(keys.changefeedStatuses() + "/" + id.namespace());
        nodes.ensurePath(keys.tasks() + "/" + id.namespace());
        try {
            client.transaction().forOperations(
                    client.transactionOp().create().forPath(keys.changefeedInfo(id), MetaJson.write(info)),
                    client.transactionOp().create().forPath(keys.changefeedStatus(id), MetaJson.write(status)),
                    client.transactionOp().create().forPath(keys.changefeedTasks(id)));
        } catch (KeeperException.NodeExistsException e) {
            throw new CdcException(ErrorCode.CHANGEFEED_ALREADY_EXISTS, "changefeed already exists: " + id);
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot create changefeed " + id, e);
        }
        LOG.info("changefeed {} created at start ts {}", id, info.startTs());
    }

    /** Every changefeed, sorted by namespace, then id. */
    public List<ChangefeedId> list() {
        List<ChangefeedId> ids = new ArrayList<>();
        for (String namespace : nodes.children(keys.changefeedInfos())) {
            for (String id : nodes.children(keys.changefeedInfos() + "/" + namespace)) {
                if (ChangefeedId.isValidName(namespace) && ChangefeedId.isValidName(id)) {
                    ids.add(new ChangefeedId(namespace, id));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    public Optional<Versioned<ChangefeedInfo>> info(ChangefeedId id) {
        return nodes.read(keys.changefeedInfo(id), ChangefeedInfo.class);
    }

    public Optional<Versioned<ChangefeedStatus>> status(ChangefeedId id) {
        return nodes.read(keys.changefeedStatus(id), ChangefeedStatus.class);
    }

    public boolean exists(ChangefeedId id) {
        return info(id).isPresent();
    }

    /**
     * Changes the info by compare-and-set; {@code change} may run several times and may throw to refuse.
     *
     * @return the stored info, absent when the changefeed does not exist
     */
    public Optional<ChangefeedInfo> updateInfo(ChangefeedId id, UnaryOperator<ChangefeedInfo> change) {
        return nodes.update(keys.changefeedInfo(id), ChangefeedInfo.class, change);
    }

    /** Changes the status by compare-and-set, as {@link #updateInfo}. */
    public Optional<ChangefeedStatus> updateStatus(ChangefeedId id, UnaryOperator<ChangefeedStatus> change) {
        return nodes.update(keys.changefeedStatus(id), ChangefeedStatus.class, change);
    }

    /** The table schemas the changefeeds' checkpoints resume with. */
    public SchemaSnapshotStore schemas() {
        return new SchemaSnapshotStore(client, keys);
    }

    /**
     * Removes the changefeed's info, status, task positions, server ids and saved table schemas in one transaction; a processor that reports at the
     * same moment makes the transaction fail, and it is tried again.
     *
     * @return whether there was a changefeed to remove
     */
    public boolean remove(ChangefeedId id) {
        for (int attempt = 0; attempt < MAX_REMOVE_ATTEMPTS; attempt++) {
            if (!exists(id)) {
                return false;
            }
            List<CuratorOp> ops = new ArrayList<>();
            try {
                for (String capture : nodes.children(keys.changefeedTasks(id))) {
                    ops.add(client.transactionOp().delete().forPath(keys.task(id, capture)));
                }
                if (client.checkExists().forPath(keys.changefeedTasks(id)) != null) {
                    ops.add(client.transactionOp().delete().forPath(keys.changefeedTasks(id)));
                }
                if (client.checkExists().forPath(keys.serverIds(id)) != null) {
                    for (String slot : nodes.children(keys.serverIds(id))) {
                        ops.add(client.transactionOp().delete().forPath(keys.serverIds(id) + "/" + slot));
                    }
                    ops.add(client.transactionOp().delete().forPath(keys.serverIds(id)));
                }
                if (client.checkExists().forPath(keys.schemaSnapshots(id)) != null) {
                    for (String version : nodes.children(keys.schemaSnapshots(id))) {
                        ops.add(client.transactionOp().delete().forPath(keys.schemaSnapshot(id, version)));
                    }
                    ops.add(client.transactionOp().delete().forPath(keys.schemaSnapshots(id)));
                }
                ops.add(client.transactionOp().delete().forPath(keys.changefeedStatus(id)));
                ops.add(client.transactionOp().delete().forPath(keys.changefeedInfo(id)));
                client.transaction().forOperations(ops);
                LOG.info("changefeed {} removed from the metadata", id);
                return true;
            } catch (KeeperException.NotEmptyException | KeeperException.NoNodeException e) {
                // a processor created or dropped its position meanwhile: look again
            } catch (Exception e) {
                throw new CdcException(ErrorCode.META_STORE, "cannot remove changefeed " + id, e);
            }
        }
        throw new CdcException(ErrorCode.META_STORE, "cannot remove changefeed " + id + ": its nodes kept changing");
    }
}
