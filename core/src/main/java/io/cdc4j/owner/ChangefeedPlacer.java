package io.cdc4j.owner;

import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.capture.Liveness;
import io.cdc4j.config.SinkKind;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TableShare;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.model.ChangefeedId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each running changefeed runs, for one owner term: its lead on one live capture reading its upstream (leads
 * balanced by count), and its tables spread by count over every live capture that can take a share of them, moved
 * on request ({@code move_table}, {@code rebalance_table}). A placement that stops a running processor drains
 * first: the changefeed is taken off its captures, and placed again once every processor of the old placement has
 * closed its sink and withdrawn its position (or after {@link #DRAIN_WAIT}), so that no write of an old run lands
 * after one of the new.
 */
final class ChangefeedPlacer {
    private static final Logger LOG = LoggerFactory.getLogger(ChangefeedPlacer.class);

    private final ChangefeedStore store;
    private final TaskStore tasks;
    private final OwnerSettings settings;
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

    /**
     * How long a placement stands before the owner balances tables that drifted apart (tables created since go to
     * the lead), as TiCDC's scheduler checks its balance every minute.
     */
    static final Duration BALANCE_CHECK_INTERVAL = Duration.ofSeconds(60);

    /** How long a drain waits for the old processors to withdraw before the new placement starts regardless. */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(30);

    /** Where a changefeed is to run: its lead, the shares of its tables, and the captures they were balanced over. */
    private record Placement(String lead, Map<String, TableShare> shares, List<String> balancedOver) {
        boolean sameRun(ChangefeedStatus status) {
            return status.captureId().equals(Optional.of(lead)) && status.shares().equals(shares);
        }
    }

    /** A placement waiting for the old processors to go, and since when. */
    private record Drain(Placement next, Instant since) {
    }

    ChangefeedPlacer(ChangefeedStore store, TaskStore tasks, OwnerSettings settings) {
        this.store = store;
        this.tasks = tasks;
        this.settings = settings;
    }

    /** Forgets what it held of changefeeds that are gone. */
    void retain(Set<ChangefeedId> changefeeds) {
        unplaceable.retainAll(changefeeds);
        drains.keySet().retainAll(changefeeds);
        foldedEpochs.keySet().retainAll(changefeeds);
        rebalances.retainAll(changefeeds);
        placedAt.keySet().retainAll(changefeeds);
    }

    /** The changefeed no longer runs: a drain or a rebalance planned for it is dropped. */
    void stopped(ChangefeedId id) {
        drains.remove(id);
        rebalances.remove(id);
    }

    /** The changefeed's checkpoint advanced in {@code epoch}: its status now holds the ids of the run's tables. */
    void folded(ChangefeedId id, long epoch) {
        foldedEpochs.put(id, epoch);
    }

    /** Has the changefeed's tables spread again once its tables are known. */
    void rebalance(ChangefeedId id) {
        rebalances.add(id);
        LOG.info("changefeed {}: its tables are spread again on request", id);
    }

    /**
     * Keeps a changefeed where it runs, or places its lead on the least loaded live capture that reads its upstream
     * (a capture without an upstream, or with another one, is never given it), and spreads its tables over the live
     * captures that can take a share when they changed, or when a user asked; returns false while it is not placed.
     */
    boolean place(ChangefeedId id, ChangefeedInfo info, ChangefeedStatus status, Map<String, CaptureInfo> alive,
                  Map<String, Integer> load, Map<String, TaskPosition> positions,
                  Map<String, TaskPosition> running) {
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
        if ((rebalances.contains(id) || !over.equals(balancedOver) || drifted(id, tables, shares, holders))
                && tables.isPresent() && lead.equals(current)) {
            shares = new HashMap<>(TableBalancer.balance(tables.get(), leader, shares, holders));
            balancedOver = over;
            rebalances.remove(id);
        }
        Placement next = new Placement(leader, shares, balancedOver);
        if (next.sameRun(status)) {
            if (!balancedOver.equals(status.balancedOver())) {
                List<String> balanced = balancedOver;
                store.updateStatus(id, s -> s.epoch() == status.epoch() ? s.withBalancedOver(balanced) : s);
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
    private boolean drifted(ChangefeedId id, Optional<List<Long>> tables, Map<String, TableShare> shares,
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
        if (!alive.get(lead).takesShareOf(info.upstream()) || !spreads(info)) {
            return List.of();
        }
        return alive.values().stream().filter(c -> !c.id().equals(lead) && c.takesShareOf(info.upstream()))
                .map(CaptureInfo::id).sorted().toList();
    }

    /** Whether the changefeed's sink lets its tables be spread ({@link SinkKind#spreadsTables()}). */
    private static boolean spreads(ChangefeedInfo info) {
        return SinkKind.ofSinkUri(info.sinkUri()).spreadsTables();
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
        ChangefeedStatus status = store.status(id).map(Versioned::value)
                .orElseThrow(() -> ChangefeedReconciler.notFound(id));
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

    /** Takes the changefeed off its lead and shares, if it is on any. */
    void unplace(ChangefeedId id, ChangefeedStatus status) {
        if (status.captureId().isPresent() || !status.shares().isEmpty()) {
            store.updateStatus(id, s -> s.captureId().isPresent() || !s.shares().isEmpty() ? s.unplaced() : s);
        }
    }

    /**
     * Moves one table to a capture ({@code move_table}), or the whole changefeed where its captures cannot share
     * tables; the move drains like any placement change.
     *
     * @throws CdcException for a capture that is gone, stopping or reads another upstream, a table the changefeed
     *                      does not replicate, or a changefeed being placed
     */
    void moveTable(ChangefeedId id, String captureId, long tableId, Map<String, CaptureInfo> registered) {
        ChangefeedInfo info = store.info(id).orElseThrow(() -> ChangefeedReconciler.notFound(id)).value();
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
        ChangefeedStatus status = store.status(id).orElseThrow(() -> ChangefeedReconciler.notFound(id)).value();
        if (status.captureId().isEmpty()) {
            throw new CdcException(ErrorCode.SCHEDULER_REQUEST_FAILED, "changefeed " + id + " is being placed on its"
                    + " captures; move table " + tableId + " once it runs (GET /api/v2/processors shows where)");
        }
        String lead = status.captureId().get();
        CaptureInfo leadInfo = registered.get(lead);
        Map<String, TaskPosition> positions = tasks.positions(id);
        if (leadInfo == null || !leadInfo.takesShareOf(info.upstream()) || !capture.takesShareOf(info.upstream())
                || !spreads(info)) {
            if (!lead.equals(captureId)) {
                changePlacement(id, status, new Placement(captureId, Map.of(), List.of()), positions);
                LOG.info("changefeed {} moved whole to capture {} by request ({})", id, captureId, spreads(info)
                        ? "its captures run changefeeds whole" : "a message-queue changefeed runs whole on one capture");
            }
            return;
        }
        List<Long> tables = knownTables(status, status.currentRun(positions));
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
}
