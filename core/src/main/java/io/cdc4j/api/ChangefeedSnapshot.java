package io.cdc4j.api;

import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.ChangefeedId;
import java.util.Objects;
import java.util.Map;

/**
 * Everything the API shows about one changefeed, read at one moment: info and status from ZooKeeper, the owner's
 * resolved ts, and the positions of the processors of its current placement, by capture.
 */
record ChangefeedSnapshot(ChangefeedInfo info, ChangefeedStatus status, long resolvedTs,
                          Map<String, TaskPosition> positions) {
    ChangefeedSnapshot {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(status, "status");
        positions = Map.copyOf(positions);
        resolvedTs = Math.max(resolvedTs, status.checkpointTs());
    }

    ChangefeedId id() {
        return info.changefeedId();
    }
}
