package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Processor positions in ZooKeeper, one ephemeral node per changefeed and capture: a processor publishes its
 * run there and the owner reads it. A position vanishes with its capture's session.
 */
public final class TaskStore {
    private final CuratorFramework client;
    private final MetaKeys keys;
    private final VersionedNodes nodes;

    /** A processor's key: which changefeed on which capture. */
    public record TaskKey(ChangefeedId changefeed, String captureId) {
        public TaskKey {
            Objects.requireNonNull(changefeed, "changefeed");
            Objects.requireNonNull(captureId, "captureId");
        }
    }

    public TaskStore(CuratorFramework client, MetaKeys keys) {
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nodes = new VersionedNodes(client);
    }

    /**
     * Publishes a processor's position, replacing one of an earlier run by the same capture.
     *
     * @return false when the changefeed is gone (its task folder was removed with it)
     */
    public boolean publish(TaskKey key, TaskPosition position) {
        String path = keys.task(key.changefeed(), key.captureId());
        try {
            client.create().withMode(CreateMode.EPHEMERAL).forPath(path, MetaJson.write(position));
            return true;
        } catch (KeeperException.NoNodeException e) {
            return false;
        } catch (KeeperException.NodeExistsException e) {
            return update(key, ignored -> position).isPresent();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot publish the position at " + path, e);
        }
    }

    /** Changes a published position by compare-and-set; absent when it is not published. */
    public Optional<TaskPosition> update(TaskKey key, UnaryOperator<TaskPosition> change) {
        return nodes.update(keys.task(key.changefeed(), key.captureId()), TaskPosition.class, change);
    }

    /** Withdraws a processor's position; one already gone is fine. */
    public void withdraw(TaskKey key) {
        try {
            client.delete().forPath(keys.task(key.changefeed(), key.captureId()));
        } catch (KeeperException.NoNodeException e) {
            // already gone
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot withdraw the position of " + key, e);
        }
    }

    /**
     * Withdraws a processor's position if it is still the one of run {@code epoch}: a later run on the same capture
     * that published meanwhile keeps its own.
     */
    public void withdraw(TaskKey key, long epoch) {
        String path = keys.task(key.changefeed(), key.captureId());
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Versioned<TaskPosition>> current = nodes.read(path, TaskPosition.class);
            if (current.isEmpty() || current.get().value().epoch() != epoch) {
                return;
            }
            try {
                client.delete().withVersion(current.get().version()).forPath(path);
                return;
            } catch (KeeperException.NoNodeException e) {
                return;
            } catch (KeeperException.BadVersionException e) {
                // changed since it was read: look again
            } catch (Exception e) {
                throw new CdcException(ErrorCode.META_STORE, "cannot withdraw the position of " + key, e);
            }
        }
        throw new CdcException(ErrorCode.META_STORE, "cannot withdraw the position of " + key
                + ": it kept changing while being withdrawn");
    }

    public Optional<TaskPosition> position(TaskKey key) {
        return nodes.read(keys.task(key.changefeed(), key.captureId()), TaskPosition.class).map(Versioned::value);
    }

    /** Every published position of one changefeed, by capture id. */
    public Map<String, TaskPosition> positions(ChangefeedId changefeed) {
        Map<String, TaskPosition> positions = new LinkedHashMap<>();
        for (String capture : nodes.children(keys.changefeedTasks(changefeed))) {
            position(new TaskKey(changefeed, capture)).ifPresent(p -> positions.put(capture, p));
        }
        return positions;
    }

    /** Every processor of every changefeed, sorted by changefeed, then capture. */
    public List<TaskKey> list() {
        List<TaskKey> tasks = new ArrayList<>();
        for (String namespace : nodes.children(keys.tasks())) {
            for (String changefeed : nodes.children(keys.tasks() + "/" + namespace)) {
                if (!ChangefeedId.isValidName(namespace) || !ChangefeedId.isValidName(changefeed)) {
                    continue;
                }
                ChangefeedId id = new ChangefeedId(namespace, changefeed);
                nodes.children(keys.changefeedTasks(id)).stream().sorted()
                        .forEach(capture -> tasks.add(new TaskKey(id, capture)));
            }
        }
        tasks.sort((a, b) -> a.changefeed().compareTo(b.changefeed()) != 0
                ? a.changefeed().compareTo(b.changefeed()) : a.captureId().compareTo(b.captureId()));
        return tasks;
    }
}
