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
import io.cdc4j.meta.TableShare;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner term's work on the changefeeds, a tick at a time: apply admin jobs, fold processor positions into the
 * statuses, drive each changefeed's state machine (changefeed-model.md section 2), and place every running
 * changefeed: its lead on one live capture reading its upstream (leads balanced by count), and its tables spread by
 * count over every live capture that can take a share of them. A placement that stops a running processor drains
 * first: the changefeed is taken off its captures, and placed again once every processor of the old placement has
 * closed its sink and withdrawn its position (or after {@link #DRAIN_WAIT}), so that no write of an old run lands
 * after one of the new.
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
    /** Changefeeds taken off their captures to be placed as planned once their old processors are gone. */
    private final Map<ChangefeedId, Drain> drains = new HashMap<>();
    /** The epoch in which each changefeed's checkpoint last advanced: its table ids are then known to its status. */
    private final Map<ChangefeedId, Long> foldedEpochs = new HashMap<>();
    /** Changefeeds whose tables a user asked to spread again. */
    private final Set<ChangefeedId> rebalances = new HashSet<>();
    /** When each changefeed was last placed anew in this owner term. */
    private final Map<ChangefeedId, Instant> placedAt = new HashMap<>();
    private volatile boolean allNormalPlaced;

    /**
     * How long a placement stands before the owner balances tables that drifted apart (tables created since go to
     * the lead), as TiCDC's scheduler checks its balance every minute.
     */
    static final Duration BALANCE_CHECK_INTERVAL = Duration.ofSeconds(60);

    /** How long a drain waits for the old processors to withdraw before the new placement starts regardless. */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(30);

    /** Where a changefeed is to run: its lead, the shares of its tables, and the captures they were balanced over. */
    private record Placement(String lead, Map<String, TableShare> shares, List<String> balancedOver) {
        static Placement of(ChangefeedStatus status) {
            return new Placement(status.captureId().orElse(""), status.shares(), status.balancedOver());
        }

        boolean sameRun(ChangefeedStatus status) {
            return status.captureId().equals(Optional.of(lead)) && status.shares().equals(shares);
        }
    }

    /** A placement waiting for the old processors to go, and since when. */
    private record Drain(Placement next, Instant since) {
    }

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
        drains.keySet().retainAll(feeds.keySet());
        foldedEpochs.keySet().retainAll(feeds.keySet());
        rebalances.retainAll(feeds.keySet());
        placedAt.keySet().retainAll(feeds.keySet());
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
            drains.remove(id);
            rebalances.remove(id);
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
        Map<String, TaskPosition> positions = tasks.positions(id);
        Map<String, TaskPosition> running = runPositions(status, positions);
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
            unplace(id, current);
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
        return place(id, info, current, alive, load, positions, running);
    }

    /** The positions of the current run's processors: the placement's participants, published in its epoch. */
    private static Map<String, TaskPosition> runPositions(ChangefeedStatus status, Map<String, TaskPosition> all) {
        Map<String, TaskPosition> run = new HashMap<>();
        if (status.captureId().isEmpty()) {
            return run;
        }
        for (String capture : status.participants()) {
            TaskPosition position = all.get(capture);
            if (position != null && position.epoch() == status.epoch()) {
                run.put(capture, position);
            }
        }
        return run;
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
            foldedEpochs.put(id, epoch);
        }
        return folded.orElse(status);
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
     * Keeps a changefeed where it runs, or places its lead on the least loaded live capture that reads its upstream
     * (a capture without an upstream, or with another one, is never given it), and spreads its tables over the live
     * captures that can take a share when they changed, or when a user asked; returns false while it is not placed.
     */
    private boolean place(ChangefeedId id, ChangefeedInfo info, ChangefeedStatus status,
                          Map<String, CaptureInfo> alive, Map<String, Integer> load,
                          Map<String, TaskPosition> positions, Map<String, TaskPosition> running) {
        Drain drain = drains.get(id);
        if (drain != null && status.captureId().isEmpty()) {
            return finishDrain(id, info, drain, alive, positions);
        }
        drains.remove(id);
        Optional<String> current = status.captureId();
        Optional<String> lead = current.filter(c -> alive.containsKey(c) && alive.get(c).reads(info.upstream()));
        if (lead.isEmpty()) {
            lead = load.entrySet().stream()
                    .filter(capture -> alive.get(capture.getKey()).reads(info.upstream()))
                    .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey);
        }
        if (lead.isEmpty()) {
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
        String leader = lead.get();
        List<String> holders = shareHolders(info, leader, alive);
        Map<String, TableShare> shares = new HashMap<>(status.shares());
        shares.keySet().retainAll(holders);
        List<String> over = new ArrayList<>(holders);
        over.add(leader);
        over.sort(null);
        List<String> balancedOver = status.balancedOver();
        Optional<List<Long>> tables = knownTables(id, status, running);
        if ((rebalances.contains(id) || !over.equals(balancedOver) || drifted(id, tables, leader, shares, holders))
                && tables.isPresent() && lead.equals(current)) {
            shares = new HashMap<>(TableBalancer.balance(tables.get(), leader, shares, holders));
            balancedOver = over;
            rebalances.remove(id);
        }
        Placement next = new Placement(leader, shares, balancedOver);
        if (next.sameRun(status)) {
            if (!balancedOver.equals(status.balancedOver())) {
                List<String> balanced = balancedOver;
                store.updateStatus(id, s -> s.epoch() == status.epoch()
                        ? new ChangefeedStatus(s.checkpointTs(), s.readerState(), s.captureId(), s.epoch(), s.shares(),
                        balanced) : s);
            }
            return true;
        }
        if (!positions.isEmpty()) {
            startDrain(id, status, next);
            return false;
        }
        apply(id, status, next, current.map(c -> " (capture " + c + " is gone)").orElse(""));
        load.merge(leader, 1, Integer::sum);
        return true;
    }

    /**
     * Whether the placement has stood for {@link #BALANCE_CHECK_INTERVAL} and its captures' table counts now differ by
     * more than one.
     */
    private boolean drifted(ChangefeedId id, Optional<List<Long>> tables, String lead, Map<String, TableShare> shares,
                            List<String> holders) {
        Instant now = settings.clock().instant();
        Instant since = placedAt.putIfAbsent(id, now);
        if (tables.isEmpty() || holders.isEmpty() || since == null
                || Duration.between(since, now).compareTo(BALANCE_CHECK_INTERVAL) < 0) {
            return false;
        }
        Set<Long> unshared = new HashSet<>(tables.get());
        List<Integer> counts = new ArrayList<>();
        for (String holder : holders) {
            TableShare share = shares.get(holder);
            List<Long> held = share == null ? List.of() : share.tableIds().stream()
                    .filter(tables.get()::contains).toList();
            held.forEach(unshared::remove);
            counts.add(held.size());
        }
        counts.add(unshared.size());
        boolean drifted = Collections.max(counts) - Collections.min(counts) > 1;
        if (!drifted) {
            placedAt.put(id, now);
        }
        return drifted;
    }

    /** The live captures, apart from the lead, that can take a share of the changefeed's tables, sorted. */
    private static List<String> shareHolders(ChangefeedInfo info, String lead, Map<String, CaptureInfo> alive) {
        if (!alive.get(lead).takesShareOf(info.upstream())) {
            return List.of();
        }
        return alive.values().stream().filter(c -> !c.id().equals(lead) && c.takesShareOf(info.upstream()))
                .map(CaptureInfo::id).sorted().toList();
    }

    /**
     * The changefeed's tables as its lead reported them, once a checkpoint of this run reached the status (so the
     * status's reader state holds the ids those tables were given, which every processor of the next run resumes).
     */
    private Optional<List<Long>> knownTables(ChangefeedId id, ChangefeedStatus status,
                                             Map<String, TaskPosition> running) {
        if (!Long.valueOf(status.epoch()).equals(foldedEpochs.get(id)) || status.captureId().isEmpty()) {
            return Optional.empty();
        }
        if (!running.containsKey(status.captureId().get())) {
            return Optional.empty();
        }
        return Optional.of(knownTables(status, running));
    }

    /** Takes the changefeed off its captures; {@code next} is placed once its processors are gone. */
    private void startDrain(ChangefeedId id, ChangefeedStatus status, Placement next) {
        store.updateStatus(id, s -> s.epoch() == status.epoch() ? s.unplaced() : s);
        drains.put(id, new Drain(next, settings.clock().instant()));
        LOG.info("changefeed {} is placed anew (lead {}, shares {}): its processors of epoch {} stop first", id,
                next.lead(), describeShares(next.shares()), status.epoch());
    }

    /** Places a drained changefeed once its old processors are gone, minus any capture that went meanwhile. */
    private boolean finishDrain(ChangefeedId id, ChangefeedInfo info, Drain drain, Map<String, CaptureInfo> alive,
                                Map<String, TaskPosition> positions) {
        Duration waited = Duration.between(drain.since(), settings.clock().instant());
        if (!positions.isEmpty() && waited.compareTo(DRAIN_WAIT) < 0) {
            return false;
        }
        drains.remove(id);
        if (!positions.isEmpty()) {
            LOG.warn("changefeed {}: processors on {} did not stop within {} s; the new placement starts regardless",
                    id, new TreeSet<>(positions.keySet()), DRAIN_WAIT.toSeconds());
        }
        Placement next = drain.next();
        CaptureInfo lead = alive.get(next.lead());
        if (lead == null || !lead.reads(info.upstream())) {
            return false;
        }
        Map<String, TableShare> shares = new HashMap<>(next.shares());
        shares.keySet().retainAll(shareHolders(info, next.lead(), alive));
        ChangefeedStatus status = store.status(id).map(Versioned::value).orElseThrow(() -> notFound(id));
        apply(id, status, new Placement(next.lead(), shares, next.balancedOver()), "");
        return true;
    }

    private void apply(ChangefeedId id, ChangefeedStatus status, Placement next, String why) {
        Optional<ChangefeedStatus> placed = store.updateStatus(id, s -> s.epoch() == status.epoch()
                && s.captureId().equals(status.captureId()) ? s.placed(next.lead(), next.shares(), next.balancedOver())
                : s);
        if (placed.isPresent() && placed.get().epoch() > status.epoch()) {
            placedAt.put(id, settings.clock().instant());
            LOG.info("changefeed {} placed on capture {}{} from checkpoint {}{}", id, next.lead(),
                    next.shares().isEmpty() ? "" : ", tables shared out: " + describeShares(next.shares()),
                    placed.get().checkpointTs(), why);
        }
    }

    private static String describeShares(Map<String, TableShare> shares) {
        return shares.isEmpty() ? "none" : new TreeMap<>(shares).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().tableIds()).collect(Collectors.joining(", "));
    }

    private static String describe(Collection<CaptureInfo> captures) {
        return captures.stream().map(c -> c.id() + " reads " + c.upstream().orElse("no upstream")).sorted()
                .collect(Collectors.joining(", "));
    }

    private void unplace(ChangefeedId id, ChangefeedStatus status) {
        if (status.captureId().isPresent() || !status.shares().isEmpty()) {
            store.updateStatus(id, s -> s.captureId().isPresent() || !s.shares().isEmpty() ? s.unplaced() : s);
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
            case AdminJob.MoveTable move -> moveTable(id, move.captureId(), move.tableId(), registered);
            case AdminJob.Rebalance rebalance -> {
                store.info(id).orElseThrow(() -> notFound(id));
                rebalances.add(id);
                LOG.info("changefeed {}: its tables are spread again on request", id);
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

    private void moveTable(ChangefeedId id, String captureId, long tableId, Map<String, CaptureInfo> registered) {
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
        ChangefeedStatus status = store.status(id).orElseThrow(() -> notFound(id)).value();
        if (status.captureId().isEmpty()) {
            throw new CdcException(ErrorCode.SCHEDULER_REQUEST_FAILED, "changefeed " + id + " is being placed on its"
                    + " captures; move table " + tableId + " once it runs (GET /api/v2/processors shows where)");
        }
        String lead = status.captureId().get();
        CaptureInfo leadInfo = registered.get(lead);
        Map<String, TaskPosition> positions = tasks.positions(id);
        if (leadInfo == null || !leadInfo.takesShareOf(info.upstream()) || !capture.takesShareOf(info.upstream())) {
            if (!lead.equals(captureId)) {
                changePlacement(id, status, new Placement(captureId, Map.of(), List.of()), positions);
                LOG.info("changefeed {} moved whole to capture {} by request (its captures run changefeeds whole)", id,
                        captureId);
            }
            return;
        }
        List<Long> tables = knownTables(status, runPositions(status, positions));
        if (!tables.contains(tableId)) {
            throw new CdcException(ErrorCode.SCHEDULER_REQUEST_FAILED, "changefeed " + id + " replicates no table "
                    + tableId + " (its tables: " + tables + "); GET /api/v2/processors/" + id.id()
                    + "/{capture_id} lists each capture's table_ids");
        }
        Map<String, TableShare> shares = TableBalancer.move(tableId, captureId, lead, status.shares());
        if (shares.equals(status.shares())) {
            return;
        }
        changePlacement(id, status, new Placement(lead, shares, status.balancedOver()), positions);
        LOG.info("changefeed {}: table {} moves to capture {} by request", id, tableId, captureId);
    }

    /**
     * Every table of the changefeed as the current run's lead reports them (a table a share still holds but the lead
     * no longer lists was dropped); the shares' tables while the lead has not reported.
     */
    private static List<Long> knownTables(ChangefeedStatus status, Map<String, TaskPosition> running) {
        Optional<TaskPosition> lead = status.captureId().map(running::get);
        if (lead.isPresent()) {
            return List.copyOf(new TreeSet<>(lead.get().allTableIds()));
        }
        Set<Long> all = new TreeSet<>();
        status.shares().values().forEach(share -> all.addAll(share.tableIds()));
        return List.copyOf(all);
    }

    private void changePlacement(ChangefeedId id, ChangefeedStatus status, Placement next,
                                 Map<String, TaskPosition> positions) {
        if (positions.isEmpty()) {
            apply(id, status, next, " by request");
        } else {
            startDrain(id, status, next);
        }
    }

    private static CdcException notFound(ChangefeedId id) {
        return new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: " + id);
    }
}
