package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.schema.CatalogSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table schemas of each changefeed saved in ZooKeeper, one compressed node per {@link SchemaVersion} a
 * checkpoint's reader state names, so that a changefeed resumed on any capture decodes with the schemas of its
 * checkpoint's time. A version is written once (whoever saves it first) before any position naming it is published,
 * and dropped once the changefeed's checkpoint has passed the next one, so a changefeed keeps a few versions
 * whatever the number of DDLs it has read.
 */
public final class SchemaSnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaSnapshotStore.class);
    /** ZooKeeper refuses nodes above its jute.maxbuffer (1 MiB by default); leave room for the request around it. */
    static final int MAX_NODE_BYTES = 1000 * 1024;

    private final CuratorFramework client;
    private final MetaKeys keys;

    public SchemaSnapshotStore(CuratorFramework client, MetaKeys keys) {
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Saves the schemas of {@code version} unless they are saved already; nothing is written for a changefeed
     * that no longer exists.
     *
     * @throws CdcException CHANGEFEED_NOT_EXISTS when the changefeed is gone, META_STORE when ZooKeeper fails or the
     *                      schemas are too large for one node
     */
    public void save(ChangefeedId changefeed, SchemaVersion version, CatalogSnapshot snapshot) {
        String path = keys.schemaSnapshot(changefeed, version.toString());
        byte[] data = compress(MetaJson.write(snapshot));
        if (data.length > MAX_NODE_BYTES) {
            throw new CdcException(ErrorCode.META_STORE, "the table schemas of changefeed " + changefeed + " ("
                    + snapshot.tables().size() + " tables) take " + data.length + " bytes compressed, more than one "
                    + "ZooKeeper node holds (" + MAX_NODE_BYTES + "); replicate fewer tables per changefeed");
        }
        try {
            if (client.checkExists().forPath(path) != null) {
                return;
            }
            client.createContainers(keys.schemaSnapshots(changefeed));
            client.transaction().forOperations(List.of(
                    client.transactionOp().check().forPath(keys.changefeedInfo(changefeed)),
                    client.transactionOp().create().forPath(path, data)));
            LOG.debug("changefeed {}: table schemas of version {} saved ({} tables, {} bytes)", changefeed, version,
                    snapshot.tables().size(), data.length);
        } catch (KeeperException.NodeExistsException e) {
            // another capture saved the same version first
        } catch (KeeperException.NoNodeException e) {
            throw new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed " + changefeed + " no longer exists:"
                    + " its table schemas are not saved");
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot save the table schemas of changefeed " + changefeed
                    + " at " + version, e);
        }
    }

    /** The schemas saved for {@code version}; empty when none are. */
    public Optional<CatalogSnapshot> load(ChangefeedId changefeed, SchemaVersion version) {
        String path = keys.schemaSnapshot(changefeed, version.toString());
        try {
            byte[] data = client.getData().forPath(path);
            return Optional.of(MetaJson.read(decompress(data), CatalogSnapshot.class, path));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (CdcException e) {
            throw e;
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot read the table schemas of changefeed " + changefeed
                    + " at " + version, e);
        }
    }

    /** The versions saved for the changefeed, oldest first. */
    public List<SchemaVersion> versions(ChangefeedId changefeed) {
        try {
            return client.getChildren().forPath(keys.schemaSnapshots(changefeed)).stream()
                    .map(SchemaVersion::parse).sorted().toList();
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot list the table schemas of changefeed " + changefeed,
                    e);
        }
    }

    /**
     * Drops the versions before {@code oldestNeeded}, the one the changefeed's checkpoint resumes with (every later
     * reader state names it or a later one).
     *
     * @return how many were dropped
     */
    public int dropBefore(ChangefeedId changefeed, SchemaVersion oldestNeeded) {
        int dropped = 0;
        for (SchemaVersion version : versions(changefeed)) {
            if (version.compareTo(oldestNeeded) >= 0) {
                break;
            }
            try {
                client.delete().forPath(keys.schemaSnapshot(changefeed, version.toString()));
                dropped++;
            } catch (KeeperException.NoNodeException e) {
                // dropped by another owner's round meanwhile
            } catch (Exception e) {
                throw new CdcException(ErrorCode.META_STORE, "cannot drop the table schemas of changefeed "
                        + changefeed + " at " + version, e);
            }
        }
        return dropped;
    }

    private static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] decompress(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
