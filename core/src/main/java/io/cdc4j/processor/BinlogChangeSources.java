package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.upstream.UpstreamConfig;
import java.util.Objects;

/**
 * Makes each changefeed on this capture read the upstream's binlog (the server's {@code --upstream}), each
 * under a server id of its own: the upstream drops a replica connection when another registers with the
 * same id, so two changefeeds sharing one would keep cutting each other off.
 */
public final class BinlogChangeSources implements ChangeSourceFactory {
    private final UpstreamConfig upstream;

    public BinlogChangeSources(UpstreamConfig upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config) {
        return new BinlogChangeSource(changefeed, upstream.withServerId(serverIdOf(changefeed)), config);
    }

    /** The upstream's server id plus a per-changefeed offset in 1..65536, kept within the 32-bit range. */
    private long serverIdOf(ChangefeedId changefeed) {
        long offset = 1 + (changefeed.toString().hashCode() & 0xFFFFL);
        long id = upstream.serverId() + offset;
        return id > 0xFFFFFFFFL ? id - 0xFFFFFFFFL : id;
    }
}
