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
import io.cdc4j.model.ReaderState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * statuses, drive each changefeed's state machine (changefeed-model.md section 2), and place every running
 * changefeed on exactly one live capture, balanced by count.
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
    private final Map<ChangefeedId, Long> resolved = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, RetrySeries> retries = new HashMap<>();
    /** The checkpoint at which a processor-reported warning put a changefeed in warning. */
    private final Map<ChangefeedId, Long> warnedCheckpoints = new HashMap<>();
    /** The failure of each changefeed the owner could not advance in its last tick, so that a run is logged once. */
    private final Map<ChangefeedId, String> failing = new HashMap<>();
    /** Changefeeds that found no capture reading their upstream, warned about once until they are placed. */
    private final Set<ChangefeedId> unplaceable = new HashSet<>();
    private volatile boolean allNormalPlaced;

    ChangefeedReconciler(ChangefeedStore store, TaskStore tasks, CaptureRegistry captures, OwnerSettings settings) {
        this.store = store;
        this.tasks = tasks;
        this.captures = captures;
        this.settings = settings;
        this.backoff = new RetryBackoff(settings.initialBackoff(), RandomGenerator.getDefault());
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
        unplaceable.retainAll(feeds.keySet());
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
            unplace(id, status);
            if (state == ChangefeedState.PENDING) {
                RetrySeries series = retries.computeIfAbsent(id, ignored -> new RetrySeries(now, status.checkpointTs()));
                if (series.due(now)) {
                    transition(id, ChangefeedState.PENDING, ChangefeedState.WARNING, Optional.empty());
                    LOG.info("changefeed {} is retried (retry {})", id, series.retries());
                }
            }
            return true;
        }
        Optional<TaskPosition> position = status.captureId()
                .flatMap(capture -> tasks.position(new TaskStore.TaskKey(id, capture)))
                .filter(p -> p.epoch() == status.epoch());
        ChangefeedStatus current = status;
        if (position.isPresent()) {
            current = fold(id, info, status, position.get());
            if (position.get().error().isPresent()) {
                fail(id, current, position.get().error().get(), now);
                return true;
            }
        }
        if (info.hasTarget() && current.checkpointTs() >= info.targetTs()) {
            if (transition(id, state, ChangefeedState.FINISHED, Optional.empty())) {
                LOG.info("changefeed {} finished: its checkpoint reached target ts {}", id, info.targetTs());
            }
            unplace(id, current);
            return true;
        }
        Optional<RunningError> warning = position.flatMap(TaskPosition::warning);
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
        return place(id, info, current, alive, load);
    }

    private ChangefeedStatus fold(ChangefeedId id, ChangefeedInfo info, ChangefeedStatus status, TaskPosition position) {
        resolved.merge(id, position.resolvedTs(), Math::max);
        long checkpoint = info.hasTarget() ? Math.min(position.checkpointTs(), info.targetTs()) : position.checkpointTs();
        if (checkpoint <= status.checkpointTs()) {
            return status;
        }
        ReaderState state = position.readerState();
        return store.updateStatus(id, s -> s.epoch() == position.epoch() && checkpoint > s.checkpointTs()
                ? s.withCheckpoint(checkpoint, state) : s).orElse(status);
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
        unplace(id, status);
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

    /**
     * Keeps a changefeed where it runs, or places it on the least loaded live capture that reads its upstream: a
     * capture without an upstream (or with another one) is never given it.
     */
    private boolean place(ChangefeedId id, ChangefeedInfo info, ChangefeedStatus status,
                          Map<String, CaptureInfo> alive, Map<String, Integer> load) {
        Optional<String> current = status.captureId();
        if (current.isPresent() && alive.containsKey(current.get()) && alive.get(current.get()).reads(info.upstream())) {
            unplaceable.remove(id);
            return true;
        }
        Optional<String> target = load.entrySet().stream()
                .filter(capture -> alive.get(capture.getKey()).reads(info.upstream()))
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
        if (target.isEmpty()) {
            if (unplaceable.add(id)) {
                LOG.warn("changefeed {} cannot be placed: no live capture reads {} (of {} live: {}); start a capture"
                        + " with --upstream mysql://USER:PASS@{}/", id,
                        info.upstream().map(u -> "upstream " + u).orElse("an upstream"), alive.size(),
                        describe(alive.values()), info.upstream().orElse("HOST:PORT"));
            }
            if (current.isPresent()) {
                unplace(id, status);
            }
            return false;
        }
        unplaceable.remove(id);
        Optional<ChangefeedStatus> placed = store.updateStatus(id,
                s -> s.captureId().equals(current) ? s.placedOn(target.get()) : s);
        if (placed.isPresent() && placed.get().captureId().equals(target)) {
            load.merge(target.get(), 1, Integer::sum);
            LOG.info("changefeed {} placed on capture {} from checkpoint {}{}", id, target.get(),
                    placed.get().checkpointTs(), current.map(c -> " (capture " + c + " is gone)").orElse(""));
        }
        return true;
    }

    private static String describe(Collection<CaptureInfo> captures) {
        return captures.stream().map(c -> c.id() + " reads " + c.upstream().orElse("no upstream")).sorted()
                .collect(Collectors.joining(", "));
    }

    private void unplace(ChangefeedId id, ChangefeedStatus status) {
        if (status.captureId().isPresent()) {
            store.updateStatus(id, s -> s.captureId().isPresent() ? s.unplaced() : s);
        }
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
            }
            case AdminJob.Move move -> move(id, move.captureId(), registered);
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
        store.status(id).ifPresent(s -> unplace(id, s.value()));
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

    private void move(ChangefeedId id, String captureId, Map<String, CaptureInfo> registered) {
        ChangefeedInfo info = store.info(id).orElseThrow(() -> notFound(id)).value();
        CaptureInfo capture = registered.get(captureId);
        if (capture == null) {
            throw new CdcException(ErrorCode.CAPTURE_NOT_EXIST, "capture not exists: " + captureId);
        }
        if (capture.liveness() != Liveness.ALIVE) {
            throw new CdcException(ErrorCode.SCHEDULER_REQUEST_FAILED, "changefeed " + id + " cannot move to capture "
                    + captureId + ": the capture is stopping and takes no changefeeds");
        }
        if (!capture.reads(info.upstream())) {
            throw new CdcException(ErrorCode.SCHEDULER_REQUEST_FAILED, "changefeed " + id + " cannot move to capture "
                    + captureId + ": it reads " + capture.upstream().map(u -> "upstream " + u).orElse("no upstream")
                    + " and the changefeed reads " + info.upstream().orElse("an upstream")
                    + "; start that capture with --upstream, or move the changefeed to one that has it");
        }
        if (!info.state().isRunning()) {
            LOG.info("changefeed {} is {}: the move changes nothing", id, info.state().text());
            return;
        }
        store.updateStatus(id, s -> s.captureId().equals(Optional.of(captureId)) ? s : s.placedOn(captureId))
                .orElseThrow(() -> notFound(id));
        LOG.info("changefeed {} moved to capture {} by request", id, captureId);
    }

    private static CdcException notFound(ChangefeedId id) {
        return new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: " + id);
    }
}
