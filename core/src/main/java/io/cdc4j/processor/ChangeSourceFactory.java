package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.ServerIdStore;
import io.cdc4j.model.ChangefeedId;
import java.util.Optional;

/** Creates the change source of a changefeed about to run on this capture. */
@FunctionalInterface
public interface ChangeSourceFactory {
    /**
     * @throws io.cdc4j.error.CdcException when the source cannot be set up; the changefeed then goes to warning
     *                                     and is retried
     */
    ChangeSource create(ChangefeedId changefeed, ReplicaConfig config);

    /**
     * The upstream these sources read, as the capture advertises it ({@code host:port}); empty when they read none,
     * and the owner then places no changefeed on the capture. Sources fed in-process read {@value #IN_PROCESS}.
     */
    default Optional<String> upstream() {
        return Optional.of(IN_PROCESS);
    }

    /** What sources that are fed in-process (tests, embedded use) advertise as their upstream. */
    String IN_PROCESS = "in-process";

    /** This factory as it runs in a cluster whose changefeeds get their binlog server ids from {@code serverIds}. */
    default ChangeSourceFactory inCluster(ServerIdStore serverIds) {
        return this;
    }
}
