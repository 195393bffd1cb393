package io.cdc4j.processor;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.RunningError;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.ProgressTracker;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One changefeed's run on this capture: source to sink, bounded by the target ts, with the checkpoint (and its
 * reader state) and resolved ts published to the task position, and any failure reported there for the owner.
 *
 * <p>Threads: the manager's thread publishes the starting position, reports, and fences the processor when it stops
 * ({@link #stop}); a start thread of this processor's own opens the sink and creates and starts the source (which
 * may connect for minutes); the source's dispatch thread is the only one to write to the sink; a stop thread of its
 * own closes source and sink. No lock is held across a sink call: {@code state} guards what the position is made of,
 * and the checkpoint comes from a {@link ProgressTracker} that the sink's completions advance, so {@link #report}
 * never waits for a write. A DDL is a barrier kept here, on the dispatch thread: it is handed over once every
 * earlier write has completed, and nothing after it before it has. When the changefeed's tables are shared over
 * several captures the barrier spans them: each processor holding a share publishes that it reached the DDL with
 * every earlier write durable and waits; the lead waits for all of them, applies the DDL, publishes that it did,
 * and they all go on (TiCDC's owner-side DDL handling). Once stopped the processor is fenced: what a
 * start returning late opened is closed unused, no consumer call reaches the sink, and nothing is published.
 */
final class Processor implements ChangeConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);

    private final TaskStore.TaskKey key;
    private final long epoch;
    private final ChangefeedInfo info;
    private final String captureAddress;
    private final TaskStore tasks;
    private final Object state = new Object();
    private final Object withdrawal = new Object();
    /** Serialises the position's publication between the manager's thread and the dispatch thread. */
    private final Object reporting = new Object();
    private boolean superseded;
    private final ProgressTracker<ReaderState> progress;
    private final TreeSet<Long> tableIds = new TreeSet<>();
    private final Participation participation;
    /** Every table of the changefeed, as the source last told it (guarded by {@code state}). */
    private List<Long> allTableIds = List.of();
    private final DdlBarrier barrier;

    private volatile Sink sink;
    /** Guarded by {@code state}. */
    private ChangeSource source;
    private volatile long checkpointTs;
    private ReaderState checkpointState;
    private volatile long resolvedTs;
    private volatile long rowsWritten;
    /** The commit ts of the transaction whose rows are being handed over, 0 between transactions (dispatch thread). */
    private long openTransactionTs;
    private long lastSyncedTs;
    private Optional<RunningError> error = Optional.empty();
    private Optional<RunningError> warning = Optional.empty();
    private volatile Throwable fatal;
    /** Set under {@code state}; read without it where a stale false only lets one last call through. */
    private volatile boolean closed;
    /** The position last written to ZooKeeper; only the manager's thread touches it. */
    private TaskPosition published;
    private volatile Thread starter;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    Processor(TaskStore.TaskKey key, long epoch, ChangefeedInfo info, long checkpointTs, ReaderState state,
              String captureAddress, TaskStore tasks) {
        this(key, epoch, info, checkpointTs, state, captureAddress, tasks, Participation.whole(key.captureId()));
    }

    /** A processor running the part of the changefeed that {@code participation} gives this capture. */
    Processor(TaskStore.TaskKey key, long epoch, ChangefeedInfo info, long checkpointTs, ReaderState state,
              String captureAddress, TaskStore tasks, Participation participation) {
        this.participation = participation;
        this.barrier = new DdlBarrier(tasks, key, epoch, participation, this::report);
        this.key = key;
        this.epoch = epoch;
        this.info = info;
        this.captureAddress = captureAddress;
        this.tasks = tasks;
        this.checkpointTs = checkpointTs;
        this.checkpointState = state;
        this.resolvedTs = checkpointTs;
        this.progress = new ProgressTracker<>(new ProgressTracker.Checkpoint<>(checkpointTs, state), this::fail);
    }

    long epoch() {
        return epoch;
    }

    long checkpointTs() {
        return checkpointTs;
    }

    long resolvedTs() {
        return resolvedTs;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    /** The error that left the whole process unusable, if this processor met one. */
    Optional<Throwable> fatalError() {
        return Optional.ofNullable(fatal);
    }

    /** Whether the position carrying this run's error has been written to ZooKeeper (the owner can see it). */
    boolean errorPublished() {
        return published != null && published.error().isPresent();
    }

    /**
     * Shows, until the source delivers, that this run started only after earlier attempts failed (their last cause);
     * call before {@link #start}.
     */
    void startedAfterFailures(int failedAttempts, Throwable lastCause) {
        RunningError cause = recorded(lastCause);
        synchronized (state) {
            warning = Optional.of(new RunningError(cause.time(), cause.addr(), cause.code(), "the processor started"
                    + " after " + failedAttempts + " failed attempts, the last: " + cause.message()));
        }
    }

    /**
     * Publishes the starting position, then opens the sink and starts the source on a start thread of this
     * processor's own and returns without waiting for them; a failure of those is reported in the position for the
     * owner, not thrown.
     *
     * @return false when the changefeed is gone (its task folder was removed): nothing was started
     * @throws CdcException when the starting position cannot be published: nothing was started, and nothing runs
     *                      unseen
     */
    boolean start(SinkFactory sinks, ChangeSourceFactory sources) {
        TaskPosition starting;
        synchronized (state) {
            starting = new TaskPosition(epoch, checkpointTs, checkpointState, resolvedTs, 0, List.of(),
                    Optional.empty(), warning, List.of(), 0, 0);
        }
        if (!tasks.publish(key, starting)) {
            LOG.info("changefeed {} is gone before its processor on {} started", key.changefeed(), key.captureId());
            return false;
        }
        published = starting;
        LOG.info("changefeed {} processor starts on capture {} from checkpoint {} (epoch {}){}", key.changefeed(),
                key.captureId(), checkpointTs, epoch, describeShare());
        starter = Thread.ofPlatform().daemon().name("cdc4j-processor-start-" + key.changefeed())
                .start(() -> open(sinks, sources));
        return true;
    }

    /** The start thread: opens the sink, then creates and starts the source, unless the processor stopped meanwhile. */
    private void open(SinkFactory sinks, ChangeSourceFactory sources) {
        try {
            Sink opened = sinks.open(key.changefeed(), SinkUri.parse(info.sinkUri()), info.config());
            synchronized (state) {
                sink = opened;
                if (closed) {
                    return;
                }
            }
            ChangeSource created = sources.create(key.changefeed(), info.config(), participation.scope());
            synchronized (state) {
                source = created;
                if (closed) {
                    return;
                }
            }
            created.start(checkpointTs, checkpointState, this);
        } catch (Throwable e) {
            fail(e);
        }
    }

    @Override
    public void onRows(RowBatch batch) {
        if (!accepting() || batch.commitTs() <= checkpointTs || beyondTarget(batch.commitTs())) {
            return;
        }
        try {
            Completion done = progress.add(batch.commitTs());
            openTransactionTs = batch.commitTs();
            sink.writeRows(batch, done);
        } catch (Throwable e) {
            fail(e);
            return;
        }
        synchronized (state) {
            rowsWritten += batch.rows().size();
            long lastTable = Long.MIN_VALUE;
            for (RowChange row : batch.rows()) {
                long table = row.table().tableId();
                if (table != lastTable) {
                    tableIds.add(table);
                    lastTable = table;
                }
            }
            lastSyncedTs = Math.max(lastSyncedTs, batch.commitTs());
        }
    }

    @Override
    public void onTables(Set<Long> ids) {
        synchronized (state) {
            tableIds.clear();
            ids.stream().filter(participation.scope()::contains).forEach(tableIds::add);
            allTableIds = participation.scope().leads() ? List.copyOf(new TreeSet<>(ids)) : List.of();
        }
    }

    @Override
    public void onCommit(long commitTs) {
        if (openTransactionTs != commitTs || !accepting()) {
            return;
        }
        openTransactionTs = 0;
        try {
            sink.endTransaction(commitTs);
        } catch (Throwable e) {
            fail(e);
        }
    }

    /**
     * The DDL barrier: waits for every earlier write, hands the DDL over, and waits for it too; across captures the
     * lead first waits for every share to reach it, and a share waits for the lead to have applied it. Captures tell
     * one DDL by its number since the run's start point, which they share: each capture's reader stamps its own
     * commit ts, so the same DDL may have another ts on another capture.
     */
    @Override
    public void onDdl(DdlEvent ddl) {
        long ordinal = barrier.next();
        boolean applies = ddl.commitTs() > checkpointTs && !beyondTarget(ddl.commitTs());
        if (!accepting() || (!applies && !barrier.shared())) {
            return;
        }
        try {
            if (!progress.awaitIdle(this::abandoned, DdlBarrier.POLL)) {
                return;
            }
            if (!participation.scope().leads()) {
                barrier.reachAndAwaitLead(ddl, ordinal, this::abandoned);
                return;
            }
            if (!barrier.awaitShares(ddl, ordinal, this::abandoned)) {
                return;
            }
            if (applies) {
                sink.writeDdl(ddl, progress.add(ddl.commitTs()));
                if (!progress.awaitIdle(this::abandoned, DdlBarrier.POLL)) {
                    return;
                }
            }
            barrier.applied(ordinal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            fail(e);
        }
    }

    private String describeShare() {
        TableScope scope = participation.scope();
        if (scope.isAll() && participation.followers().isEmpty()) {
            return "";
        }
        return scope.leads() ? ", leading; tables " + scope.ids() + " are shared out to " + participation.followers()
                : ", holding tables " + new TreeSet<>(scope.ids()) + " led by capture " + participation.lead();
    }

    @Override
    public void onResolved(long ts, ReaderState readerState) {
        long bounded = info.hasTarget() ? Math.min(ts, info.targetTs()) : ts;
        if (!accepting() || bounded <= resolvedTs) {
            return;
        }
        try {
            sink.flush(bounded);
        } catch (Throwable e) {
            fail(e);
            return;
        }
        synchronized (state) {
            progress.resolved(bounded, readerState);
            resolvedTs = bounded;
            warning = Optional.empty();
        }
    }

    @Override
    public void onWarning(Throwable problem) {
        LOG.warn("changefeed {} processor on capture {} has a warning: {}", key.changefeed(), key.captureId(),
                problem.toString());
        RunningError shown = recorded(problem);
        synchronized (state) {
            warning = Optional.of(shown);
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    /**
     * Moves the checkpoint to what the sink's completions say is durable and publishes the position when it changed;
     * no sink call is made or waited for. Called by the manager's thread every round, and by the dispatch thread at
     * a shared DDL barrier so the other captures see it there without waiting for a round.
     */
    void report() {
        synchronized (reporting) {
            publishPosition();
        }
    }

    private void publishPosition() {
        if (published == null) {
            return;
        }
        ProgressTracker.Checkpoint<ReaderState> durable = progress.checkpoint();
        boolean resumable = durable.ts() <= checkpointTs || saved(durable.state());
        TaskPosition position;
        synchronized (state) {
            if (closed) {
                return;
            }
            if (error.isEmpty() && resumable && durable.ts() > checkpointTs) {
                checkpointTs = durable.ts();
                checkpointState = durable.state();
            }
            position = new TaskPosition(epoch, checkpointTs, checkpointState, resolvedTs, lastSyncedTs,
                    List.copyOf(tableIds), error, warning, allTableIds, barrier.reached(), barrier.appliedCount());
        }
        if (!position.equals(published)) {
            if (tasks.update(key, ignored -> position).isEmpty() && !tasks.publish(key, position)) {
                LOG.info("changefeed {} is gone: its processor on {} has no position to publish", key.changefeed(),
                        key.captureId());
            }
            published = position;
        }
    }

    /**
     * Whether what a source resumed from {@code readerState} needs is saved (its table schemas), so a checkpoint with
     * it may be published; when it cannot be saved the checkpoint stays, with a warning, and it is tried again.
     */
    private boolean saved(ReaderState readerState) {
        ChangeSource current;
        synchronized (state) {
            current = source;
        }
        if (current == null) {
            return true;
        }
        try {
            current.persist(readerState);
            return true;
        } catch (RuntimeException e) {
            onWarning(e);
            return false;
        }
    }

    private boolean accepting() {
        synchronized (state) {
            return !closed && error.isEmpty() && sink != null;
        }
    }

    /** Whether the processor stopped or failed, so a barrier stops waiting. */
    private boolean abandoned() {
        synchronized (state) {
            return closed || error.isPresent();
        }
    }

    private boolean beyondTarget(long commitTs) {
        return info.hasTarget() && commitTs > info.targetTs();
    }

    /** Records the first failure as this run's error, for the owner; one that leaves the process unusable also ends it. */
    private void fail(Throwable failure) {
        if (ProcessExit.isFatal(failure) && fatal == null) {
            fatal = failure;
        }
        RunningError recorded = recorded(failure);
        synchronized (state) {
            if (error.isPresent() || closed) {
                return;
            }
            error = Optional.of(recorded);
        }
        if (failure instanceof CdcException) {
            LOG.warn("changefeed {} processor on capture {} failed: {}", key.changefeed(), key.captureId(),
                    failure.toString());
        } else {
            LOG.error("changefeed {} processor on capture {} failed on an unexpected error", key.changefeed(),
                    key.captureId(), failure);
        }
    }

    /** A failure as the owner sees it: its own TiCDC code, else {@code CDC:ErrProcessorUnknown} as TiCDC records it. */
    private RunningError recorded(Throwable failure) {
        if (failure instanceof CdcException cdc && !cdc.errorCode().code().isEmpty()) {
            return RunningError.of(failure, captureAddress, Instant.now());
        }
        return new RunningError(Instant.now(), captureAddress, ErrorCode.PROCESSOR_UNKNOWN.code(),
                String.valueOf(failure));
    }

    /**
     * Fences the processor, then stops the source, closes the sink and withdraws its position on a stop thread of its
     * own, after the start thread has returned. Only the first call does anything.
     *
     * @return completed once source and sink are closed
     */
    CompletableFuture<Void> stop() {
        synchronized (state) {
            if (closed) {
                return stopped;
            }
            closed = true;
        }
        Thread opening = starter;
        Thread.ofPlatform().daemon().name("cdc4j-processor-stop-" + key.changefeed()).start(() -> {
            try {
                closeAfter(opening);
            } finally {
                withdraw();
                stopped.complete(null);
            }
        });
        return stopped;
    }

    /**
     * Withdraws this run's position once source and sink are closed, so that the owner, seeing it gone, knows that no
     * write of this run can still land; a later run's position on this capture is left alone.
     */
    private void withdraw() {
        synchronized (withdrawal) {
            if (superseded) {
                return;
            }
            try {
                tasks.withdraw(key, epoch);
            } catch (RuntimeException e) {
                LOG.warn("changefeed {} processor on capture {} could not withdraw its position (its session's end"
                        + " will): {}", key.changefeed(), key.captureId(), e.toString());
            }
        }
    }

    /**
     * Tells an abandoned run that a newer run on this capture takes its place, so its late withdrawal cannot remove the
     * newer run's position; returns once a withdrawal under way has finished.
     */
    void supersede() {
        synchronized (withdrawal) {
            superseded = true;
        }
    }

    /** Whether {@link #stop} has closed source and sink. */
    boolean isStopped() {
        return stopped.isDone();
    }

    private void closeAfter(Thread opening) {
        if (opening != null) {
            try {
                opening.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("changefeed {} processor on capture {}: interrupted waiting for its start to return; what it"
                        + " opens is not closed", key.changefeed(), key.captureId());
                return;
            }
        }
        ChangeSource closingSource;
        synchronized (state) {
            closingSource = source;
        }
        if (closingSource != null) {
            closeQuietly("source", closingSource);
        }
        Sink closingSink = sink;
        if (closingSink != null) {
            closeQuietly("sink", closingSink);
        }
        LOG.info("changefeed {} processor on capture {} stopped at checkpoint {}", key.changefeed(), key.captureId(),
                checkpointTs);
    }

    private void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Throwable e) {
            if (ProcessExit.isFatal(e) && fatal == null) {
                fatal = e;
            }
            LOG.warn("changefeed {} processor on capture {}: closing its {} failed", key.changefeed(), key.captureId(),
                    what, e);
        }
    }
}
