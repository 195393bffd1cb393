package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/** Reads typed znodes with their version and changes them by compare-and-set, re-reading after a conflict. */
final class VersionedNodes {
    private static final int MAX_ATTEMPTS = 50;

    private final CuratorFramework client;

    VersionedNodes(CuratorFramework client) {
        this.client = client;
    }

    <T> Optional<Versioned<T>> read(String path, Class<T> type) {
        Stat stat = new Stat();
        byte[] data;
        try {
            data = client.getData().storingStatIn(stat).forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot read " + path, e);
        }
        return Optional.of(new Versioned<>(MetaJson.read(data, type, path), stat.getVersion()));
    }

    /**
     * Applies {@code change} to the node's current value and writes the result only if nobody wrote in between;
     * on a conflict it reads again and re-applies. An unchanged value is not written.
     *
     * @return the value now stored, absent when the node does not exist
     */
    <T> Optional<T> update(String path, Class<T> type, UnaryOperator<T> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Versioned<T>> current = read(path, type);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            T next = change.apply(current.get().value());
            if (next.equals(current.get().value())) {
                return Optional.of(next);
            }
            try {
                client.setData().withVersion(current.get().version()).forPath(path, MetaJson.write(next));
                return Optional.of(next);
            } catch (KeeperException.BadVersionException e) {
                // someone else wrote first: read their value and apply the change again
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            } catch (Exception e) {
                throw new CdcException(ErrorCode.META_STORE, "cannot update " + path, e);
            }
        }
        throw new CdcException(ErrorCode.META_STORE, "cannot update " + path + ": still conflicting after "
                + MAX_ATTEMPTS + " attempts");
    }

    /** Creates every missing node of a persistent path (the namespace folders). */
    void ensurePath(String path) {
        try {
            client.create().creatingParentsIfNeeded().forPath(path);
        } catch (KeeperException.NodeExistsException e) {
            // already there
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot create " + path, e);
        }
    }

    List<String> children(String path) {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot list " + path, e);
        }
    }
}
