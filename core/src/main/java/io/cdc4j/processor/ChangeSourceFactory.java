package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.ServerIdStore;
import io.cdc4j.model.ChangefeedId;

/** Creates the change source of a changefeed about to run on this capture. */
@FunctionalInterface
public interface ChangeSourceFactory {
    /**
     * @throws io.cdc4j.error.CdcException when the source cannot be set up; the changefeed then goes to warning
     *                                     and is retried
     */
    ChangeSource create(ChangefeedId changefeed, ReplicaConfig config);

    /** This factory as it runs in a cluster whose changefeeds get their binlog server ids from {@code serverIds}. */
    default ChangeSourceFactory inCluster(ServerIdStore serverIds) {
        return this;
    }
}
