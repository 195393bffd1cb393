package io.cdc4j.api;

import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.ChangefeedId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the API shows about one changefeed, read at one moment: info and status from ZooKeeper, the owner's
 * resolved ts, and the position of the processor it is placed on.
 */
record ChangefeedSnapshot(ChangefeedInfo info, ChangefeedStatus status, long resolvedTs,
                          Optional<TaskPosition> position) {
    ChangefeedSnapshot {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(position, "position");
        resolvedTs = Math.max(resolvedTs, status.checkpointTs());
    }

    ChangefeedId id() {
        return info.changefeedId();
    }
}
