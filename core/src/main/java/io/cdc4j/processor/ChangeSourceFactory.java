package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.SchemaSnapshotStore;
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
     * The source of the part of a changefeed this capture runs: its rows limited to {@code scope}. Sources that
     * cannot limit their rows run changefeeds whole only (see {@link #sharesTables}).
     *
     * @throws IllegalStateException for a scope other than {@link TableScope#ALL} when the sources cannot limit it
     */
    default ChangeSource create(ChangefeedId changefeed, ReplicaConfig config, TableScope scope) {
        if (!scope.isAll()) {
            throw new IllegalStateException("these change sources run changefeeds whole, not " + scope);
        }
        return create(changefeed, config);
    }

    /** Whether these sources can run a share of a changefeed's tables, so the owner may spread tables to them. */
    default boolean sharesTables() {
        return false;
    }

    /**
     * The upstream these sources read, as the capture advertises it ({@code host:port}); empty when they read none,
     * and the owner then places no changefeed on the capture. Sources fed in-process read {@value #IN_PROCESS}.
     */
    default Optional<String> upstream() {
        return Optional.of(IN_PROCESS);
    }

    /** What sources that are fed in-process (tests, embedded use) advertise as their upstream. */
    String IN_PROCESS = "in-process";

    /**
     * This factory as it runs in a cluster whose changefeeds get their binlog server ids from {@code serverIds} and
     * keep their table schemas in {@code schemas}.
     */
    default ChangeSourceFactory inCluster(ServerIdStore serverIds, SchemaSnapshotStore schemas) {
        return this;
    }
}
