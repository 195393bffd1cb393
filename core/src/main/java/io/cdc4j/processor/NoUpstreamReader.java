package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.util.Optional;

/**
 * The source factory of a server that has no binlog reader wired in: its capture advertises no upstream, so the
 * owner places no changefeed on it; one that still reaches it (placed before) fails with a clear error (and is
 * retried with backoff, and placed elsewhere), instead of pretending to replicate.
 */
public final class NoUpstreamReader implements ChangeSourceFactory {
    @Override
    public Optional<String> upstream() {
        return Optional.empty();
    }

    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config) {
        throw new CdcException(ErrorCode.UPSTREAM_CONNECTION, "changefeed " + changefeed
                + " cannot start: this server has no upstream binlog reader wired in");
    }
}
