package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.SchemaSnapshotStore;
import io.cdc4j.meta.ServerIdStore;
import io.cdc4j.meta.ServerIds;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.upstream.UpstreamConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes each changefeed on this capture read the upstream's binlog (the server's {@code --upstream}), each
 * under server ids of its own, allocated once in the cluster's metadata counting up from the URI's server-id:
 * the upstream drops a replica connection when another registers with the same id, so two changefeeds sharing
 * one would keep cutting each other off. Their table schemas are saved with the checkpoints in the cluster's
 * metadata.
 */
public final class BinlogChangeSources implements ChangeSourceFactory {
    private final UpstreamConfig upstream;
    private final Optional<ServerIdStore> serverIds;
    private final Optional<SchemaSnapshotStore> schemas;

    /** Sources for {@code upstream}; they can run once {@link #inCluster} gave them the cluster's stores. */
    public BinlogChangeSources(UpstreamConfig upstream) {
        this(upstream, Optional.empty(), Optional.empty());
    }

    private BinlogChangeSources(UpstreamConfig upstream, Optional<ServerIdStore> serverIds,
                                Optional<SchemaSnapshotStore> schemas) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.serverIds = serverIds;
        this.schemas = schemas;
    }

    @Override
    public Optional<String> upstream() {
        return Optional.of(upstream.address());
    }

    @Override
    public ChangeSourceFactory inCluster(ServerIdStore store, SchemaSnapshotStore schemaStore) {
        return new BinlogChangeSources(upstream, Optional.of(store), Optional.of(schemaStore));
    }

    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config) {
        return create(changefeed, config, TableScope.ALL);
    }

    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config, TableScope scope) {
        ServerIds ids = serverIds.orElseThrow(() -> new IllegalStateException(
                "binlog sources run only in a cluster: call inCluster first")).of(changefeed, upstream.serverId(),
                scope.slot());
        return new BinlogChangeSource(changefeed, upstream.withServerId(ids.reader()), ids.probe(), config, scope,
                schemas.orElseThrow());
    }

    @Override
    public boolean sharesTables() {
        return true;
    }
}
