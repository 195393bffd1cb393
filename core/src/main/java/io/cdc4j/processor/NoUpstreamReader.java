package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;

/**
 * The source factory of a server that has no binlog reader wired in: every changefeed it is asked to run fails with
 * a clear error (and is retried with backoff), instead of pretending to replicate.
 */
public final class NoUpstreamReader implements ChangeSourceFactory {
    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config) {
        throw new CdcException(ErrorCode.UPSTREAM_CONNECTION, "changefeed " + changefeed
                + " cannot start: this server has no upstream binlog reader wired in");
    }
}
