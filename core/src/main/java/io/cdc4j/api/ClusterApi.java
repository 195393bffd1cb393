package io.cdc4j.api;

import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.logging.LogLevels;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers about the cluster itself (status, health, captures, resign, log level), shared by the v1
 * and v2 routes, which differ only in how they wrap them.
 */
final class ClusterApi {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterApi.class);

    private final ApiContext context;

    ClusterApi(ApiContext context) {
        this.context = context;
    }

    ServerStatus status() {
        var capture = context.capture();
        return new ServerStatus(context.build().version(), context.build().gitHash(), capture.id(),
                capture.info().clusterId(), context.pid(), capture.isOwner(), capture.liveness().code());
    }

    /** Runs on the owner: healthy once the owner has ticked in its current term and placed every normal changefeed. */
    void checkHealth() {
        if (!context.owner().hasTicked()) {
            throw new CdcException(ErrorCode.CLUSTER_UNHEALTHY, "TiCDC cluster is unhealthy: the owner has not"
                    + " completed its first round yet");
        }
        if (!context.owner().allNormalChangefeedsPlaced()) {
            throw new CdcException(ErrorCode.CLUSTER_UNHEALTHY, "TiCDC cluster is unhealthy: a normal changefeed"
                    + " is not running on any capture");
        }
    }

    /** Runs on the owner: every registered capture. */
    List<CaptureItem> captures() {
        Optional<String> ownerId = context.capture().ownerLookup().ownerId();
        return context.capture().registry().list().stream()
                .map(info -> item(info, ownerId))
                .toList();
    }

    /** Runs on the owner: it gives the ownership up; another capture is elected. */
    void resign() {
        LOG.info("owner {} was asked to resign", context.capture().id());
        context.capture().resignOwnership();
    }

    void setLogLevel(LogLevelRequest request) {
        String name = request.logLevel() == null ? "" : request.logLevel();
        var level = LogLevels.parse(name).orElseThrow(() -> new CdcException(ErrorCode.API_INVALID_PARAM,
                "fail to change log level: unrecognized level: \"" + name + "\" (use debug, info, warn, error,"
                        + " dpanic, panic or fatal)"));
        LogLevels.apply(level);
        LOG.info("log level changed to {} ({})", name.isEmpty() ? "info" : name, level);
    }

    private static CaptureItem item(CaptureInfo info, Optional<String> ownerId) {
        return new CaptureItem(info.id(), ownerId.filter(info.id()::equals).isPresent(), info.address(),
                info.clusterId());
    }
}
