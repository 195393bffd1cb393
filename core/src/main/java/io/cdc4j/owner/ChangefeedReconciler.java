package io.cdc4j.owner;

import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.capture.Liveness;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.RunningError;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.upstream.ReaderStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner term's work on the changefeeds, a tick at a time: apply admin jobs, fold processor positions into the
 * statuses, drive each changefeed's state machine (changefeed-model.md section 2), and have the
 * {@link ChangefeedPlacer} place every running changefeed.
 */
final class ChangefeedReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ChangefeedReconciler.class);
    private static final Set<ChangefeedState> PAUSABLE =
            EnumSet.of(ChangefeedState.NORMAL, ChangefeedState.WARNING, ChangefeedState.PENDING);
    private static final Set<ChangefeedState> RESUMABLE =
            EnumSet.of(ChangefeedState.STOPPED, ChangefeedState.FAILED, ChangefeedState.FINISHED);

    private final ChangefeedStore store;
    private final TaskStore tasks;
    private final CaptureRegistry captures;
    private final OwnerSettings settings;
    private final RetryBackoff backoff;
    private final ChangefeedPlacer placer;
    private final Map<ChangefeedId, Long> resolved = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, RetrySeries> retries = new HashMap<>();
    /** Per changefeed, the schema version older versions were last dropped below. */
    private final Map<ChangefeedId, SchemaVersion> schemasKeptFrom = new HashMap<>();
    /** The checkpoint at which a processor-reported warning put a changefeed in warning. */
    private final Map<ChangefeedId, Long> warnedCheckpoints = new HashMap<>();
    /** The failure of each changefeed the owner could not advance in its last tick, so that a run is logged once. */
    private final Map<ChangefeedId, String> failing = new HashMap<>();
    private volatile boolean allNormalPlaced;

    ChangefeedReconciler(ChangefeedStore store, TaskStore tasks, CaptureRegistry captures, OwnerSettings settings) {
        this.store = store;
        this.tasks = tasks;
        this.captures = captures;
        this.settings = settings;
        this.backoff = new RetryBackoff(settings.initialBackoff(), RandomGenerator.getDefault());
        this.placer = new ChangefeedPlacer(store, tasks, settings);
    }

    /** The owner's resolved ts of a changefeed, known once a processor reported one in this term. */
    OptionalLong resolvedTs(ChangefeedId id) {
        Long ts = resolved.get(id);
        return ts == null ? OptionalLong.empty() : OptionalLong.of(ts);
    }

    /** Whether, after the last tick, every normal changefeed was placed on a live capture. */
    boolean allNormalPlaced() {
        return allNormalPlaced;
    }

    /** One round: applies the jobs, answering each, then drives every changefeed. */
    void tick(List<QueuedJob> jobs) {
        Map<String, CaptureInfo> registered = captures.list().stream()
                .collect(Collectors.toMap(CaptureInfo::id, capture -> capture, (a, b) -> b));
        Map<String, CaptureInfo> alive = registered.values().stream()
                .filter(capture -> capture.liveness() == Liveness.ALIVE)
                .collect(Collectors.toMap(CaptureInfo::id, capture -> capture));
        for (QueuedJob queued : jobs) {
            AdminJob job = queued.job();
            try {
                apply(job, registered);
                queued.succeed();
            } catch (Throwable e) {
                queued.fail(e);
                rethrowFatal(e);
                if (e instanceof CdcException) {
                    LOG.info("changefeed {}: admin job {} refused: {}", job.changefeed(), job, e.getMessage());
                } else {
                    LOG.warn("changefeed {}: admin job {} failed", job.changefeed(), job, e);
                }
            }
        }
        Map<ChangefeedId, Feed> feeds = new HashMap<>();
        Map<String, Integer> load = new HashMap<>();
        alive.keySet().forEach(capture -> load.put(capture, 0));
        for (ChangefeedId id : store.list()) {
            Optional<ChangefeedInfo> info = store.info(id).map(Versioned::value);
            Optional<ChangefeedStatus> status = store.status(id).map(Versioned::value);
            if (info.isPresent() && status.isPresent()) {
                feeds.put(id, new Feed(info.get(), status.get()));
                status.get().captureId().filter(load::containsKey).filter(c -> info.get().state().isRunning())
                        .ifPresent(capture -> load.merge(capture, 1, Integer::sum));
            }
        }
        resolved.keySet().retainAll(feeds.keySet());
        placer.retain(feeds.keySet());
        retries.keySet().retainAll(feeds.keySet());
        warnedCheckpoints.keySet().retainAll(feeds.keySet());
        failing.keySet().retainAll(feeds.keySet());
        boolean placed = true;
        for (Map.Entry<ChangefeedId, Feed> entry : feeds.entrySet()) {
            try {
                placed &= advance(entry.getKey(), entry.getValue(), alive, load);
                if (failing.remove(entry.getKey()) != null) {
                    LOG.info("changefeed {}: the owner advances it again", entry.getKey());
                }
            } catch (Throwable e) {
                rethrowFatal(e);
                placed = false;
                if (e.toString().equals(failing.put(entry.getKey(), e.toString()))) {
                    LOG.debug("changefeed {}: the owner could not advance it this tick either: {}", entry.getKey(),
                            e.toString());
                } else {
                    LOG.warn("changefeed {}: the owner could not advance it this tick: {}; it is tried again every"
                            + " tick", entry.getKey(), e.toString(), stackOf(e));
                }
            }
        }
        allNormalPlaced = placed;
    }

    private record Feed(ChangefeedInfo info, ChangefeedStatus status) {
    }

    /** One changefeed's failure stays its own; one that leaves the process unusable ends the tick for the owner. */
    private static void rethrowFatal(Throwable e) {
        if (ProcessExit.isFatal(e)) {
            throw (Error) e;
        }
    }

    /** The failure itself, to log its stack trace, when it is not one of ours (whose message says it all). */
    private static Throwable stackOf(Throwable e) {
        return e instanceof CdcException ? null : e;
    }

    /** Moves one changefeed on; returns false when it is normal but could not be placed. */
    private boolean advance(ChangefeedId id, Feed feed, Map<String, CaptureInfo> alive, Map<String, Integer> load) {
        ChangefeedInfo info = feed.info();
        ChangefeedStatus status = feed.status();
        Instant now = settings.clock().instant();
        ChangefeedState state = info.state();
        if (!state.isRunning()) {
            placer.stopped(id);
            placer.unplace(id, status);
            if (state == ChangefeedState.PENDING) {
                RetrySeries series = retries.computeIfAbsent(id, ignored -> new RetrySeries(now, status.checkpointTs()));
                if (series.due(now)) {
                    transition(id, ChangefeedState.PENDING, ChangefeedState.WARNING, Optional.empty());
                    LOG.info("changefeed {} is retried (retry {})", id, series.retries());
                }
            }
            return true;
        }
        Map<String, TaskPosition> positions = tasks.positions(id);
        Map<String, TaskPosition> running = status.currentRun(positions);
        ChangefeedStatus current = status;
        if (!running.isEmpty() && running.size() == status.participants().size()) {
            current = fold(id, info, status, running.values());
        }
        Optional<RunningError> error = running.values().stream().flatMap(p -> p.error().stream()).findFirst();
        if (error.isPresent()) {
            fail(id, current, error.get(), now);
            return true;
        }
        if (info.hasTarget() && current.checkpointTs() >= info.targetTs()) {
            if (transition(id, state, ChangefeedState.FINISHED, Optional.empty())) {
                LOG.info("changefeed {} finished: its checkpoint reached target ts {}", id, info.targetTs());
            }
            placer.unplace(id, current);
            return true;
        }
        Optional<RunningError> warning = running.values().stream().flatMap(p -> p.warning().stream()).findFirst();
        if (state == ChangefeedState.NORMAL && warning.isPresent()) {
            warn(id, warning.get(), current.checkpointTs());
        } else if (state == ChangefeedState.WARNING && warning.isEmpty()) {
            RetrySeries series = retries.get(id);
            Long warnedAt = warnedCheckpoints.get(id);
            boolean recovered = series != null ? current.checkpointTs() > series.checkpointAtError()
                    : warnedAt == null || current.checkpointTs() > warnedAt;
            if (recovered) {
                retries.remove(id);
                warnedCheckpoints.remove(id);
                if (transition(id, ChangefeedState.WARNING, ChangefeedState.NORMAL, Optional.empty())) {
                    LOG.info("changefeed {} is normal again at checkpoint {}", id, current.checkpointTs());
                }
            }
        }
        return placer.place(id, info, current, alive, load, positions, running);
    }

    /**
     * The changefeed's checkpoint is the least of its processors' (each replicates its own tables), and so is its
     * resolved ts; it resumes from the reader state of the processor whose checkpoint is earliest in the binlog.
     */
    private ChangefeedStatus fold(ChangefeedId id, ChangefeedInfo info, ChangefeedStatus status,
                                  Collection<TaskPosition> positions) {
        long least = positions.stream().mapToLong(TaskPosition::checkpointTs).min().orElseThrow();
        long resolvedTs = positions.stream().mapToLong(TaskPosition::resolvedTs).min().orElseThrow();
        resolved.merge(id, resolvedTs, Math::max);
        long checkpoint = info.hasTarget() ? Math.min(least, info.targetTs()) : least;
        if (checkpoint <= status.checkpointTs()) {
            return status;
        }
        long epoch = status.epoch();
        ReaderState state = ResumeState.earliest(positions);
        Optional<ChangefeedStatus> folded = store.updateStatus(id, s -> s.epoch() == epoch
                && checkpoint > s.checkpointTs() ? s.withCheckpoint(checkpoint, state) : s);
        if (folded.isPresent() && folded.get().checkpointTs() == checkpoint) {
            placer.folded(id, epoch);
            dropOlderSchemas(id, state);
        }
        return folded.orElse(status);
    }

    /**
     * Drops the saved table schemas older than those the changefeed's checkpoint resumes with: every processor's
     * reader state is at or after the checkpoint's, so none resumes with an older version.
     */
    private void dropOlderSchemas(ChangefeedId id, ReaderState checkpointState) {
        Optional<SchemaVersion> version = ReaderStates.positionIfAny(checkpointState)
                .flatMap(ReaderPosition::schemaVersion);
        if (version.isEmpty() || version.get().equals(schemasKeptFrom.get(id))) {
            return;
        }
        try {
            int dropped = store.schemas().dropBefore(id, version.get());
            schemasKeptFrom.put(id, version.get());
            if (dropped > 0) {
                LOG.debug("changefeed {}: dropped {} table schema versions older than {}", id, dropped, version.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("changefeed {}: cannot drop table schema versions older than {} (tried again at the next "
                    + "checkpoint): {}", id, version.get(), e.toString());
        }
    }

    /** A processor reports a problem it works around: the changefeed keeps running and shows the warning. */
    private void warn(ChangefeedId id, RunningError warning, long checkpointTs) {
        boolean[] changed = {false};
        store.updateInfo(id, i -> {
            changed[0] = i.state() == ChangefeedState.NORMAL;
            return changed[0] ? i.withState(ChangefeedState.WARNING).withWarning(Optional.of(warning)) : i;
        });
        if (changed[0]) {
            warnedCheckpoints.put(id, checkpointTs);
            LOG.warn("changefeed {} has a warning from {}: {} {}", id, warning.addr(), warning.code(),
                    warning.message());
        }
    }

    private void fail(ChangefeedId id, ChangefeedStatus status, RunningError error, Instant now) {
        boolean fatal = FatalErrors.isFatal(error);
        boolean retry = !fatal;
        if (retry) {
            RetrySeries series = retries.get(id);
            if (series == null) {
                retries.put(id, new RetrySeries(now, status.checkpointTs()));
            } else {
                retry = series.scheduleNext(now, status.checkpointTs(), backoff, errorBudget(id));
            }
        }
        ChangefeedState next = retry ? ChangefeedState.PENDING : ChangefeedState.FAILED;
        store.updateInfo(id, i -> i.state().isRunning() ? i.withState(next).withError(Optional.of(error)) : i);
        placer.unplace(id, status);
        if (!retry) {
            retries.remove(id);
        }
        LOG.warn("changefeed {} is {} after an error on {}: {} {}", id, next.text(), error.addr(), error.code(),
                error.message());
    }

    private Duration errorBudget(ChangefeedId id) {
        return store.info(id).map(v -> v.value().config().changefeedErrorStuckDuration())
                .orElse(Duration.ZERO);
    }

    /** Changes the state when it still is {@code from}; returns whether it did. */
    private boolean transition(ChangefeedId id, ChangefeedState from, ChangefeedState to,
                               Optional<RunningError> error) {
        boolean[] changed = {false};
        store.updateInfo(id, i -> {
            changed[0] = i.state() == from;
            if (!changed[0]) {
                return i;
            }
            ChangefeedInfo next = i.withState(to);
            return error.isPresent() ? next.withError(error) : next;
        });
        return changed[0];
    }

    /**
     * Applies one job, as TiCDC's owner and feed state manager do: a job for a changefeed that is gone is refused
     * with {@code CDC:ErrChangeFeedNotExists}; a pause or resume in a state it does not apply to, and a move of a
     * changefeed that is not running, change nothing and succeed; a move to a capture that is not registered, or
     * that is stopping, is refused.
     *
     * @param registered every registered capture and its liveness
     * @throws CdcException for a refused job, or with the metadata store's error
     */
    private void apply(AdminJob job, Map<String, CaptureInfo> registered) {
        ChangefeedId id = job.changefeed();
        switch (job) {
            case AdminJob.Pause pause -> pause(id);
            case AdminJob.Resume resume -> resume(id, resume.overwriteCheckpointTs());
            case AdminJob.Remove remove -> {
                if (!store.remove(id)) {
                    throw notFound(id);
                }
                retries.remove(id);
                resolved.remove(id);
                schemasKeptFrom.remove(id);
            }
            case AdminJob.MoveTable move -> placer.moveTable(id, move.captureId(), move.tableId(), registered);
            case AdminJob.Rebalance rebalance -> {
                store.info(id).orElseThrow(() -> notFound(id));
                placer.rebalance(id);
            }
        }
    }

    private void pause(ChangefeedId id) {
        boolean[] paused = {false};
        ChangefeedInfo after = store.updateInfo(id, i -> {
            paused[0] = PAUSABLE.contains(i.state());
            return paused[0] ? i.withState(ChangefeedState.STOPPED) : i;
        }).orElseThrow(() -> notFound(id));
        if (!paused[0]) {
            LOG.info("changefeed {} is {}: the pause changes nothing", id, after.state().text());
            return;
        }
        retries.remove(id);
        store.status(id).ifPresent(s -> placer.unplace(id, s.value()));
        LOG.info("changefeed {} paused", id);
    }

    private void resume(ChangefeedId id, long overwrite) {
        ChangefeedState before = store.info(id).orElseThrow(() -> notFound(id)).value().state();
        if (!RESUMABLE.contains(before)) {
            LOG.info("changefeed {} is {}: the resume changes nothing", id, before.text());
            return;
        }
        if (overwrite > 0) {
            store.updateStatus(id, s -> new ChangefeedStatus(overwrite, ReaderState.initial(), Optional.empty(),
                    s.epoch())).orElseThrow(() -> notFound(id));
        }
        store.updateInfo(id, i -> {
            if (!RESUMABLE.contains(i.state())) {
                return i;
            }
            ChangefeedInfo next = i.withState(ChangefeedState.NORMAL).withError(Optional.empty());
            return overwrite > 0 ? next.withStartTs(overwrite) : next;
        }).orElseThrow(() -> notFound(id));
        retries.remove(id);
        resolved.remove(id);
        LOG.info("changefeed {} resumed{}", id, overwrite > 0 ? " from overwritten checkpoint " + overwrite : "");
    }

    static CdcException notFound(ChangefeedId id) {
        return new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: " + id);
    }
}
