package io.cdc4j.capture;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.MetaKeys;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Finds the current owner from the election's nodes, so any capture (even one not campaigning) can
 * tell who the owner is: the candidate holding the lowest sequence number leads.
 */
public final class OwnerLookup {
    private static final String LOCK_MARKER = "lock-";

    private final CuratorFramework client;
    private final MetaKeys keys;

    public OwnerLookup(CuratorFramework client, MetaKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    /** The owner's capture id, absent while no capture holds the leadership. */
    public Optional<String> ownerId() {
        List<String> candidates;
        try {
            candidates = client.getChildren().forPath(keys.ownerElection());
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot read the owner election", e);
        }
        List<String> ordered = candidates.stream()
                .filter(name -> name.contains(LOCK_MARKER))
                .sorted(Comparator.comparing(OwnerLookup::sequence))
                .toList();
        for (String node : ordered) {
            try {
                byte[] id = client.getData().forPath(keys.ownerElection() + "/" + node);
                return Optional.of(new String(id, StandardCharsets.UTF_8));
            } catch (KeeperException.NoNodeException e) {
                // that candidate just left; the next one in line leads
            } catch (Exception e) {
                throw new CdcException(ErrorCode.META_STORE, "cannot read the owner election", e);
            }
        }
        return Optional.empty();
    }

    private static String sequence(String node) {
        return node.substring(node.lastIndexOf(LOCK_MARKER) + LOCK_MARKER.length());
    }
}
