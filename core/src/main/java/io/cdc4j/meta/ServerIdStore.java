package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each changefeed binlog server ids of its own, counted up from a base by a compare-and-set counter in
 * ZooKeeper and stored with the changefeed (removed with it by {@link ChangefeedStore#remove}), so that no two
 * changefeeds of a cluster, on any capture, ever present the same id and a changefeed keeps its ids for its life.
 */
public final class ServerIdStore {
    private static final Logger LOG = LoggerFactory.getLogger(ServerIdStore.class);
    private static final int MAX_ATTEMPTS = 50;
    private static final long MAX_SERVER_ID = 0xFFFFFFFFL;

    private final CuratorFramework client;
    private final MetaKeys keys;
    private final VersionedNodes nodes;

    public ServerIdStore(CuratorFramework client, MetaKeys keys) {
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nodes = new VersionedNodes(client);
    }

    /**
     * The changefeed's ids counted from {@code base}: the stored ones when they were counted from the same base,
     * else two new ones (a changed base means the operator moved cdc4j to another range after a clash).
     *
     * @throws CdcException CHANGEFEED_NOT_EXISTS when the changefeed was removed meanwhile, META_STORE when
     *                      ZooKeeper fails
     */
    public ServerIds of(ChangefeedId changefeed, long base) {
        return of(changefeed, base, 0);
    }

    /**
     * The ids of one processor slot of the changefeed counted from {@code base}: slot 0 is the lead's (the ids
     * {@link #of(ChangefeedId, long)} gives), slot 1 and up those of captures holding a share of its tables.
     */
    public ServerIds of(ChangefeedId changefeed, long base, int slot) {
        if (base < 1 || base > MAX_SERVER_ID) {
            throw new IllegalArgumentException("server id base out of range: " + base);
        }
        if (slot < 0) {
            throw new IllegalArgumentException("slot must not be negative: " + slot);
        }
        if (slot > 0) {
            // a slot's node sits under the lead's, which must exist (and its ids be taken) first
            of(changefeed, base, 0);
        }
        String path = slot == 0 ? keys.serverIds(changefeed) : keys.serverIds(changefeed) + "/" + slot;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Versioned<ServerIds>> stored = nodes.read(path, ServerIds.class);
            if (stored.isPresent() && stored.get().value().base() == base) {
                return stored.get().value();
            }
            if (attempt == 0) {
                nodes.ensurePath(keys.serverIdCounters());
                nodes.ensurePath(keys.serverIdsOfChangefeeds() + "/" + changefeed.namespace());
            }
            Optional<ServerIds> allocated = tryAllocate(changefeed, path, base, stored);
            if (allocated.isPresent()) {
                LOG.info("changefeed {} reads the binlog as server id {} (probes as {}), counted from {}{}",
                        changefeed, allocated.get().reader(), allocated.get().probe(), base,
                        slot == 0 ? "" : ", for its processor slot " + slot);
                return allocated.get();
            }
        }
        throw new CdcException(ErrorCode.META_STORE, "cannot allocate binlog server ids for changefeed " + changefeed
                + ": the counter kept changing");
    }

    private Optional<ServerIds> tryAllocate(ChangefeedId changefeed, String path, long base,
                                            Optional<Versioned<ServerIds>> stored) {
        String counter = keys.serverIdCounter(base);
        try {
            Stat stat = new Stat();
            long given;
            try {
                given = Long.parseLong(new String(client.getData().storingStatIn(stat).forPath(counter),
                        StandardCharsets.US_ASCII));
            } catch (KeeperException.NoNodeException e) {
                createCounter(counter);
                return Optional.empty();
            }
            ServerIds ids = new ServerIds(base, wrap(base + given + 1), wrap(base + given + 2));
            byte[] data = MetaJson.write(ids);
            CuratorOp write = stored.isPresent()
                    ? client.transactionOp().setData().withVersion(stored.get().version()).forPath(path, data)
                    : client.transactionOp().create().forPath(path, data);
            client.transaction().forOperations(
                    client.transactionOp().check().forPath(keys.changefeedInfo(changefeed)),
                    client.transactionOp().setData().withVersion(stat.getVersion()).forPath(counter,
                            Long.toString(given + 2).getBytes(StandardCharsets.US_ASCII)),
                    write);
            return Optional.of(ids);
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
            return Optional.empty();
        } catch (KeeperException.NoNodeException e) {
            throw new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: " + changefeed, e);
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot allocate binlog server ids for changefeed "
                    + changefeed, e);
        }
    }

    private void createCounter(String counter) throws Exception {
        try {
            client.create().forPath(counter, "0".getBytes(StandardCharsets.US_ASCII));
        } catch (KeeperException.NodeExistsException e) {
            // another capture created it first
        }
    }

    /** Ids past the 32-bit range start again at 1. */
    private static long wrap(long id) {
        return id > MAX_SERVER_ID ? id - MAX_SERVER_ID : id;
    }
}
