package io.cdc4j.processor;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TableShare;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.sink.SinkFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of one capture: it follows the owner's placements in ZooKeeper, starts a processor for every
 * running changefeed this capture leads or holds a share of the tables of, stops those placed elsewhere or no
 * longer running, and has each publish its position. A processor whose start fails (its position cannot be
 * published) is started again with backoff; a round that fails is tried again the next round; an error that leaves
 * the process unusable ends it.
 *
 * <p>Its one thread only orchestrates: it talks to ZooKeeper, but opening sinks, connecting sources and closing
 * them happen on each processor's own threads, so a downstream that hangs or is down delays no other changefeed. A
 * new run of a changefeed starts on this capture only once the previous run's stop has closed its source and sink,
 * or after {@code stopWait}, when that run is abandoned: it is fenced (it writes and publishes nothing), and what it
 * still holds is closed when its blocked call returns.
 */
public final class ProcessorManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorManager.class);
    /** The first wait before a failed start is tried again, in rounds; it doubles per failure. */
    private static final int FIRST_RETRY_ROUNDS = 10;
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    /** How many rounds a processor's fatal error may wait for its position to be published before the exit. */
    private static final int MAX_FATAL_ROUNDS = 20;
    private static final String ROUND = "round";
    /** How long a new run of a changefeed waits for the previous run to stop before that run is abandoned. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** How long {@link #close} waits for the processors to stop. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final ChangefeedStore changefeeds;
    private final TaskStore tasks;
    private final Supplier<String> captureId;
    private final String captureAddress;
    private final SinkFactory sinks;
    private final ChangeSourceFactory sources;
    private final Duration interval;
    private final ProcessExit exit;
    private final Duration stopWait;
    private final Map<ChangefeedId, Processor> running = new HashMap<>();
    /** Stopped processors whose source or sink may still be closing, with when their stop began. */
    private final Map<ChangefeedId, Stopping> stopping = new HashMap<>();
    private final Map<ChangefeedId, FailedStarts> failedStarts = new HashMap<>();
    /** What failed in the current series of failing rounds, so that each series is logged once. */
    private final Set<Object> failing = new HashSet<>();
    private final ScheduledExecutorService loop;
    private final ProcessorMetrics metrics;
    private final Map<ChangefeedId, AutoCloseable> meters = new HashMap<>();
    private int fatalRounds;
    private boolean exitRequested;

    /**
     * @param captureId this capture's current id (it changes when the capture rejoins under a new session)
     */
    public ProcessorManager(ChangefeedStore changefeeds, TaskStore tasks, Supplier<String> captureId,
                            String captureAddress, SinkFactory sinks, ChangeSourceFactory sources, Duration interval,
                            ProcessorMetrics metrics) {
        this(changefeeds, tasks, captureId, captureAddress, sinks, sources, interval, metrics, ProcessExit.system());
    }

    /**
     * @param exit what ends the process after an error that leaves it unusable (an {@link OutOfMemoryError})
     */
    public ProcessorManager(ChangefeedStore changefeeds, TaskStore tasks, Supplier<String> captureId,
                            String captureAddress, SinkFactory sinks, ChangeSourceFactory sources, Duration interval,
                            ProcessorMetrics metrics, ProcessExit exit) {
        this(changefeeds, tasks, captureId, captureAddress, sinks, sources, interval, metrics, exit, STOP_WAIT);
    }

    /**
     * @param stopWait how long a new run of a changefeed waits for its previous run to stop before abandoning it
     */
    ProcessorManager(ChangefeedStore changefeeds, TaskStore tasks, Supplier<String> captureId, String captureAddress,
                     SinkFactory sinks, ChangeSourceFactory sources, Duration interval, ProcessorMetrics metrics,
                     ProcessExit exit, Duration stopWait) {
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
        this.changefeeds = Objects.requireNonNull(changefeeds, "changefeeds");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.captureId = Objects.requireNonNull(captureId, "captureId");
        this.captureAddress = Objects.requireNonNull(captureAddress, "captureAddress");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.exit = Objects.requireNonNull(exit, "exit");
        this.loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("processor-manager").factory());
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::reconcileSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; nothing may escape it, as an escaping throwable would cancel every later round in silence. */
    private void reconcileSafely() {
        try {
            reconcile();
        } catch (Throwable e) {
            String me = captureId.get();
            if (ProcessExit.isFatal(e)) {
                LOG.error("capture {} cannot go on after a fatal error in its processor manager: the process exits so"
                        + " that its changefeeds move to other captures", me, e);
                requestExit(e);
            } else {
                failed(ROUND, e, "capture " + me + " could not follow its changefeed placements; retrying every round");
            }
        }
    }

    private synchronized void reconcile() {
        String me = captureId.get();
        Set<ChangefeedId> wanted = new HashSet<>();
        for (ChangefeedId id : changefeeds.list()) {
            try {
                if (follow(id, me)) {
                    wanted.add(id);
                }
                recovered(id, "changefeed " + id + ": capture " + me + " follows its placement again");
            } catch (Throwable e) {
                if (ProcessExit.isFatal(e)) {
                    throw e;
                }
                if (running.containsKey(id)) {
                    wanted.add(id);
                }
                failed(id, e, "changefeed " + id + ": capture " + me + " could not follow its placement");
            }
        }
        recovered(ROUND, "capture " + me + " follows its changefeed placements again");
        failedStarts.keySet().retainAll(wanted);
        stopping.values().removeIf(previous -> previous.processor().isStopped());
        running.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            stop(entry.getKey(), entry.getValue());
            return true;
        });
        running.forEach((id, processor) -> report(me, id, processor));
        exitOnFatalProcessorError(me);
    }

    /** Starts, restarts or keeps the processor of one changefeed; returns whether it is to run on this capture. */
    private boolean follow(ChangefeedId id, String me) {
        Optional<ChangefeedStatus> status = changefeeds.status(id).map(Versioned::value);
        Optional<ChangefeedInfo> info = changefeeds.info(id).map(Versioned::value);
        if (status.isEmpty() || info.isEmpty() || !info.get().state().isRunning()
                || !status.get().participants().contains(me) || status.get().captureId().isEmpty()) {
            return false;
        }
        long epoch = status.get().epoch();
        Processor current = running.get(id);
        if (current != null && current.epoch() == epoch) {
            return true;
        }
        if (current != null) {
            running.remove(id);
            stop(id, current);
        }
        if (!previousRunEnded(id, epoch)) {
            return true;
        }
        FailedStarts failures = failedStarts.get(id);
        if (failures != null && !failures.due(epoch, System.nanoTime())) {
            return true;
        }
        TaskStore.TaskKey key = new TaskStore.TaskKey(id, me);
        Processor processor = new Processor(key, epoch, info.get(), status.get().checkpointTs(),
                status.get().readerState(), captureAddress, tasks, participation(status.get(), me));
        if (failures != null) {
            processor.startedAfterFailures(failures.count(), failures.lastCause());
        }
        boolean started;
        try {
            started = processor.start(sinks, sources);
        } catch (Throwable e) {
            if (ProcessExit.isFatal(e)) {
                throw e;
            }
            startFailed(key, epoch, e);
            return true;
        }
        if (!started) {
            return false;
        }
        if (failures != null) {
            failedStarts.remove(id);
            LOG.info("changefeed {} processor started on capture {} after {} failed attempts", id, me,
                    failures.count());
        }
        running.put(id, processor);
        meters.put(id, metrics.track(id, processor));
        return true;
    }

    /** This capture's part in a placement it takes part in: the lead's, or that of one share. */
    static Participation participation(ChangefeedStatus status, String me) {
        String lead = status.captureId().orElseThrow();
        if (lead.equals(me)) {
            Set<Long> sharedOut = new HashSet<>();
            status.shares().values().forEach(share -> sharedOut.addAll(share.tableIds()));
            return new Participation(TableScope.allBut(sharedOut), lead, status.shares().keySet());
        }
        TableShare share = status.shares().get(me);
        return new Participation(TableScope.only(share.slot(), Set.copyOf(share.tableIds())), lead, Set.of());
    }

    /**
     * Whether the changefeed's previous run on this capture has closed its source and sink, or is abandoned now
     * because it took longer than {@code stopWait}.
     */
    private boolean previousRunEnded(ChangefeedId id, long epoch) {
        Stopping previous = stopping.get(id);
        if (previous == null || previous.processor().isStopped()) {
            stopping.remove(id);
            return true;
        }
        if (System.nanoTime() - previous.sinceNanos() < stopWait.toNanos()) {
            return false;
        }
        stopping.remove(id);
        previous.processor().supersede();
        LOG.warn("changefeed {}: its processor of epoch {} on capture {} has not closed its source and sink within {}"
                        + " s; epoch {} starts without waiting longer (the old run is fenced: it writes and publishes"
                        + " nothing, and closes what it holds once its blocked call returns)", id,
                previous.processor().epoch(), captureId.get(), stopWait.toSeconds(), epoch);
        return true;
    }

    /** Nothing of the processor runs; it is tried again after a wait that doubles with every failure. */
    private void startFailed(TaskStore.TaskKey key, long epoch, Throwable cause) {
        try {
            tasks.withdraw(key);
        } catch (RuntimeException e) {
            LOG.debug("changefeed {}: withdrawing a half-published position failed: {}", key.changefeed(),
                    e.toString());
        }
        FailedStarts failures = failedStarts.computeIfAbsent(key.changefeed(), ignored -> new FailedStarts());
        Duration wait = failures.record(epoch, cause, System.nanoTime(), interval.multipliedBy(FIRST_RETRY_ROUNDS));
        metrics.startFailed(key.changefeed());
        if (failures.count() == 1) {
            String text = "changefeed {} processor cannot start on capture {}: {}; it is tried again with backoff"
                    + " until it starts";
            if (cause instanceof CdcException) {
                LOG.warn(text, key.changefeed(), key.captureId(), cause.toString());
            } else {
                LOG.warn(text, key.changefeed(), key.captureId(), cause.toString(), cause);
            }
        } else {
            LOG.debug("changefeed {} processor failed to start {} times, next attempt in {} ms: {}", key.changefeed(),
                    failures.count(), wait.toMillis(), cause.toString());
        }
    }

    private void report(String me, ChangefeedId id, Processor processor) {
        Object what = new ReportOf(id);
        try {
            processor.report();
            recovered(what, "changefeed " + id + ": the processor on capture " + me + " publishes its position again");
        } catch (Throwable e) {
            if (ProcessExit.isFatal(e)) {
                throw e;
            }
            failed(what, e, "changefeed " + id + ": the processor on capture " + me
                    + " could not publish its position; retrying every round");
        }
    }

    /** A processor met an error that leaves the process unusable: once its error is published, the process ends. */
    private void exitOnFatalProcessorError(String me) {
        for (Map.Entry<ChangefeedId, Processor> entry : running.entrySet()) {
            Optional<Throwable> fatal = entry.getValue().fatalError();
            if (fatal.isEmpty()) {
                continue;
            }
            if (!exitRequested && (entry.getValue().errorPublished() || ++fatalRounds > MAX_FATAL_ROUNDS)) {
                LOG.error("capture {} cannot go on: the processor of changefeed {} met {}; the process exits so that"
                        + " its changefeeds move to other captures", me, entry.getKey(), fatal.get().toString());
                requestExit(fatal.get());
            }
            return;
        }
    }

    private void requestExit(Throwable cause) {
        if (!exitRequested) {
            exitRequested = true;
            exit.exit(cause);
        }
    }

    private void failed(Object what, Throwable e, String text) {
        if (loop.isShutdown()) {
            LOG.debug("{} while stopping: {}", text, e.toString());
        } else if (!failing.add(what)) {
            LOG.debug("{}: {}", text, e.toString());
        } else if (e instanceof CdcException) {
            LOG.warn("{}: {}", text, e.toString());
        } else {
            LOG.warn("{}: {}", text, e.toString(), e);
        }
    }

    private void recovered(Object what, String text) {
        if (failing.remove(what)) {
            LOG.info(text);
        }
    }

    /** Fences the processor and withdraws its position now; its source and sink close on its own stop thread. */
    private void stop(ChangefeedId id, Processor processor) {
        processor.stop();
        stopping.put(id, new Stopping(processor, System.nanoTime()));
        AutoCloseable processorMeters = meters.remove(id);
        if (processorMeters != null) {
            try {
                processorMeters.close();
            } catch (Exception e) {
                LOG.debug("changefeed {}: removing its metrics failed: {}", id, e.toString());
            }
        }
    }

    /** The changefeeds this capture runs now: those whose processor published its position (its sink may open yet). */
    public synchronized Set<ChangefeedId> runningChangefeeds() {
        return Set.copyOf(running.keySet());
    }

    /** Stops every processor and withdraws their positions. */
    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        synchronized (this) {
            running.forEach(this::stop);
            running.clear();
            stopping.values().forEach(previous -> stops.add(previous.processor().stop()));
            stopping.clear();
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("capture {}: some processors did not close their source and sink within {} s: {}",
                    captureId.get(), CLOSE_WAIT.toSeconds(), e.toString());
        }
    }

    /** A processor that was stopped, and when: its source and sink may still be closing. */
    private record Stopping(Processor processor, long sinceNanos) {
    }

    /** The key of a processor's failing reports, apart from the failures of following its changefeed. */
    private record ReportOf(ChangefeedId changefeed) {
    }

    /** The failed starts of one changefeed's processor in a row: how many, the last cause, and when to try again. */
    private static final class FailedStarts {
        private int count;
        private long epoch;
        private long nextAttemptNanos;
        private Throwable lastCause;

        /** Records a failure and returns the wait before the next attempt. */
        Duration record(long failedEpoch, Throwable cause, long nowNanos, Duration firstWait) {
            count++;
            epoch = failedEpoch;
            lastCause = cause;
            Duration wait = firstWait;
            for (int i = 1; i < count && wait.compareTo(MAX_RETRY_WAIT) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            wait = wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
            nextAttemptNanos = nowNanos + wait.toNanos();
            return wait;
        }

        /** A new placement is tried at once; the same one after its wait. */
        boolean due(long placementEpoch, long nowNanos) {
            return placementEpoch != epoch || nowNanos - nextAttemptNanos >= 0;
        }

        int count() {
            return count;
        }

        Throwable lastCause() {
            return lastCause;
        }
    }
}
