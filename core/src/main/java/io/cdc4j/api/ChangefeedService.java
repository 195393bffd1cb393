package io.cdc4j.api;

import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.owner.AdminJob;
import io.cdc4j.owner.Owner;
import io.cdc4j.upstream.BinlogEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the changefeed routes of both API versions do, on the owner: read snapshots, create (everything checked before
 * the one ZooKeeper transaction), update by compare-and-set, and hand pause, resume, move and remove to the owner,
 * answering the owner's error for each.
 */
final class ChangefeedService {
    private static final Logger LOG = LoggerFactory.getLogger(ChangefeedService.class);
    private static final Set<ChangefeedState> UPDATABLE = Set.of(ChangefeedState.STOPPED, ChangefeedState.FAILED);
    /** How long a pause, resume, move or remove waits for the owner to apply it (below the forwarder's 60 s). */
    static final Duration OWNER_JOB_TIMEOUT = Duration.ofSeconds(30);

    /** A create request, whichever version sent it. */
    record Draft(String namespace, String id, long startTs, long targetTs, String sinkUri, ReplicaConfig config) {
        Draft {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sinkUri, "sinkUri");
            Objects.requireNonNull(config, "config");
        }
    }

    private final ChangefeedStore store;
    private final TaskStore tasks;
    private final Owner owner;
    private final TsoClock tso;
    private final ChangefeedSettingsCheck settings;
    private final ChangefeedStart start;
    private final String version;
    private final CaptureRegistry captures;
    private final Optional<String> upstream;

    ChangefeedService(ApiContext context) {
        this.store = context.changefeeds();
        this.tasks = context.tasks();
        this.owner = context.owner();
        this.tso = context.tso();
        this.settings = new ChangefeedSettingsCheck(context.sinks(), context.upstream());
        this.start = new ChangefeedStart(context.upstream());
        this.version = context.build().version();
        this.captures = context.capture().registry();
        this.upstream = context.capture().info().upstream();
    }

    /** The changefeed's snapshot; 400 CHANGEFEED_NOT_EXISTS when there is none. */
    ChangefeedSnapshot load(ChangefeedId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<ChangefeedSnapshot> find(ChangefeedId id) {
        Optional<Versioned<ChangefeedInfo>> info = store.info(id);
        Optional<Versioned<ChangefeedStatus>> status = store.status(id);
        if (info.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        ChangefeedStatus s = status.get().value();
        return Optional.of(new ChangefeedSnapshot(info.get().value(), s,
                owner.resolvedTs(id).orElse(s.checkpointTs()), s.currentRun(tasks.positions(id))));
    }

    /** Every changefeed passing the filter, sorted by namespace, then id. */
    List<ChangefeedSnapshot> list(Predicate<ChangefeedId> which) {
        List<ChangefeedSnapshot> found = new ArrayList<>();
        for (ChangefeedId id : store.list()) {
            if (which.test(id)) {
                find(id).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Checks a create request in TiCDC's order and stores the changefeed in one transaction. Without a start ts (or
     * with the current one) the binlog end is read first, then the start ts taken: the changefeed reads on from that
     * end with every later transaction's ts above its start ts.
     */
    ChangefeedSnapshot create(Draft draft) {
        if (draft.sinkUri().isEmpty()) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "sink uri is empty");
        }
        ChangefeedId id = new ChangefeedId(draft.namespace(),
                draft.id().isEmpty() ? UUID.randomUUID().toString() : draft.id());
        if (store.exists(id)) {
            throw new CdcException(ErrorCode.CHANGEFEED_ALREADY_EXISTS, "changefeed already exists: " + id);
        }
        long now = tso.now();
        if (draft.startTs() > now) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid start-ts " + draft.startTs()
                    + ", larger than current tso " + now);
        }
        boolean fromNow = draft.startTs() == 0 || draft.startTs() == now;
        Optional<BinlogEnd> end = fromNow ? start.binlogEnd() : Optional.empty();
        long startTs = draft.startTs() == 0 ? Math.max(now, tso.now()) : draft.startTs();
        if (!fromNow) {
            start.requireRetained(startTs);
        }
        if (draft.targetTs() > 0 && draft.targetTs() <= startTs) {
            throw new CdcException(ErrorCode.TARGET_TS_BEFORE_START_TS, "the target-ts " + draft.targetTs()
                    + " is earlier than or equal to the start-ts " + startTs);
        }
        ReplicaConfig config = settings.check(draft.sinkUri(), draft.config());
        ChangefeedInfo info = new ChangefeedInfo(id.namespace(), id.id(), draft.sinkUri(), startTs, draft.targetTs(),
                Instant.now(), config, ChangefeedState.NORMAL, Optional.empty(), Optional.empty(), version, upstream);
        ChangefeedStatus status = ChangefeedStatus.initial(startTs, ChangefeedStart.readerState(end, startTs));
        store.create(info, status);
        return new ChangefeedSnapshot(info, status, startTs, Map.of());
    }

    /**
     * Applies an update while the changefeed is stopped or failed. {@code change} returns the new sink URI, target ts
     * and config from the current info; it may throw to refuse.
     */
    ChangefeedSnapshot update(ChangefeedId id, UnaryOperator<ChangefeedInfo> change) {
        load(id);
        store.updateInfo(id, current -> {
            if (!UPDATABLE.contains(current.state())) {
                throw new CdcException(ErrorCode.CHANGEFEED_UPDATE_REFUSED, "can only update changefeed config when"
                        + " it is stopped or failed");
            }
            ChangefeedInfo next = change.apply(current);
            if (next.targetTs() != current.targetTs() && next.targetTs() <= current.startTs()) {
                throw new CdcException(ErrorCode.CHANGEFEED_UPDATE_REFUSED, "the target-ts " + next.targetTs()
                        + " must be larger than the changefeed's start-ts " + current.startTs());
            }
            if (!next.sinkUri().equals(current.sinkUri()) || !next.config().equals(current.config())) {
                try {
                    ReplicaConfig validated = settings.check(next.sinkUri(), next.config());
                    next = next.withSettings(next.sinkUri(), next.targetTs(), validated);
                } catch (CdcException e) {
                    throw new CdcException(ErrorCode.CHANGEFEED_UPDATE_REFUSED, "the new settings are invalid", e);
                }
            }
            if (next.equals(current)) {
                throw new CdcException(ErrorCode.CHANGEFEED_UPDATE_REFUSED, "changefeed config is the same with the"
                        + " old one, do nothing");
            }
            return next;
        }).orElseThrow(() -> notFound(id));
        LOG.info("changefeed {} updated", id);
        return load(id);
    }

    /** Pauses through the owner; answers the owner's error for the job. */
    void pause(ChangefeedId id) throws InterruptedException {
        load(id);
        runOnOwner(new AdminJob.Pause(id));
    }

    /** Resumes through the owner; answers the owner's error for the job. */
    void resume(ChangefeedId id, long overwriteCheckpointTs) throws InterruptedException {
        load(id);
        if (overwriteCheckpointTs != 0) {
            long now = tso.now();
            if (overwriteCheckpointTs > now) {
                throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid overwrite-checkpoint-ts "
                        + overwriteCheckpointTs + ", larger than current tso " + now);
            }
            start.requireRetained(overwriteCheckpointTs);
        }
        runOnOwner(new AdminJob.Resume(id, overwriteCheckpointTs));
    }

    boolean captureExists(String captureId) {
        return captures.get(captureId).isPresent();
    }

    /** Moves one table of the changefeed to a capture through the owner; answers the owner's error for the job. */
    void moveTable(ChangefeedId id, String captureId, long tableId) throws InterruptedException {
        load(id);
        runOnOwner(new AdminJob.MoveTable(id, captureId, tableId));
    }

    /** Has the owner spread the changefeed's tables evenly over the captures that can run them. */
    void rebalance(ChangefeedId id) throws InterruptedException {
        load(id);
        runOnOwner(new AdminJob.Rebalance(id));
    }

    /** Has the owner remove the changefeed and its keys; false if there was none (also when it went meanwhile). */
    boolean remove(ChangefeedId id) throws InterruptedException {
        if (!store.exists(id)) {
            return false;
        }
        try {
            runOnOwner(new AdminJob.Remove(id));
            return true;
        } catch (CdcException e) {
            if (e.errorCode() == ErrorCode.CHANGEFEED_NOT_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Submits the job and waits until the owner applied it, as TiCDC's API waits on the job's done channel; the
     * owner's error comes back as it is. An owner that does not answer in {@link #OWNER_JOB_TIMEOUT} is answered
     * with {@code CDC:ErrChangeFeedDeletionUnfinished} for a remove and {@code CDC:ErrOwnerUnknown} otherwise; the
     * job may still be applied later.
     */
    private void runOnOwner(AdminJob job) throws InterruptedException {
        Future<Void> done = owner.submit(job);
        try {
            done.get(OWNER_JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CdcException cdc ? cdc
                    : new CdcException(ErrorCode.OWNER_UNKNOWN, "the owner failed to apply " + job, e.getCause());
        } catch (TimeoutException e) {
            String waited = " within " + OWNER_JOB_TIMEOUT.toSeconds() + " s; it may still be applied: look at the"
                    + " changefeed again";
            throw job instanceof AdminJob.Remove
                    ? new CdcException(ErrorCode.CHANGEFEED_DELETION_UNFINISHED, "changefeed " + job.changefeed()
                            + " is still being removed: the owner did not remove it" + waited)
                    : new CdcException(ErrorCode.OWNER_UNKNOWN, "the owner did not apply " + job + waited);
        }
    }

    static CdcException notFound(ChangefeedId id) {
        return new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: " + id);
    }
}
