package io.cdc4j.processor;

import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.RunningError;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One changefeed's run on this capture: source to sink, bounded by the target ts, with the checkpoint (and its
 * reader state) and resolved ts published to the task position, and any failure reported there for the owner.
 */
final class Processor implements ChangeConsumer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
    private static final int MAX_PENDING_CHECKPOINTS = 1024;

    private final TaskStore.TaskKey key;
    private final long epoch;
    private final ChangefeedInfo info;
    private final String captureAddress;
    private final TaskStore tasks;
    private final CheckpointTracker tracker = new CheckpointTracker(MAX_PENDING_CHECKPOINTS);
    private final TreeSet<Long> tableIds = new TreeSet<>();
    private final Object lock = new Object();

    private Sink sink;
    private ChangeSource source;
    private volatile long checkpointTs;
    private ReaderState checkpointState;
    private volatile long resolvedTs;
    private volatile long rowsWritten;
    private long lastSyncedTs;
    private Optional<RunningError> error = Optional.empty();
    private Optional<RunningError> warning = Optional.empty();
    private TaskPosition published;
    private boolean closed;

    Processor(TaskStore.TaskKey key, long epoch, ChangefeedInfo info, long checkpointTs, ReaderState state,
              String captureAddress, TaskStore tasks) {
        this.key = key;
        this.epoch = epoch;
        this.info = info;
        this.captureAddress = captureAddress;
        this.tasks = tasks;
        this.checkpointTs = checkpointTs;
        this.checkpointState = state;
        this.resolvedTs = checkpointTs;
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

    /** Publishes the starting position, opens the sink and starts the source; a failure is reported, not thrown. */
    void start(SinkFactory sinks, ChangeSourceFactory sources) {
        published = TaskPosition.starting(epoch, checkpointTs, checkpointState);
        if (!tasks.publish(key, published)) {
            LOG.info("changefeed {} is gone before its processor on {} started", key.changefeed(), key.captureId());
            return;
        }
        LOG.info("changefeed {} processor starts on capture {} from checkpoint {} (epoch {})", key.changefeed(),
                key.captureId(), checkpointTs, epoch);
        try {
            synchronized (lock) {
                sink = sinks.open(key.changefeed(), SinkUri.parse(info.sinkUri()), info.config());
                source = sources.create(key.changefeed(), info.config());
            }
            source.start(checkpointTs, checkpointState, this);
        } catch (RuntimeException e) {
            onError(e);
        }
        report();
    }

    @Override
    public void onRows(RowBatch batch) {
        synchronized (lock) {
            if (!accepting() || batch.commitTs() <= checkpointTs || beyondTarget(batch.commitTs())) {
                return;
            }
            try {
                sink.writeRows(batch);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            rowsWritten += batch.rows().size();
            for (RowChange row : batch.rows()) {
                tableIds.add(row.table().tableId());
            }
            lastSyncedTs = Math.max(lastSyncedTs, batch.commitTs());
        }
    }

    @Override
    public void onDdl(DdlEvent ddl) {
        synchronized (lock) {
            if (!accepting() || ddl.commitTs() <= checkpointTs || beyondTarget(ddl.commitTs())) {
                return;
            }
            try {
                sink.writeDdl(ddl);
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    @Override
    public void onResolved(long ts, ReaderState state) {
        synchronized (lock) {
            long bounded = info.hasTarget() ? Math.min(ts, info.targetTs()) : ts;
            if (!accepting() || bounded <= resolvedTs) {
                return;
            }
            try {
                sink.flush(bounded);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            tracker.resolved(bounded, state);
            resolvedTs = bounded;
            warning = Optional.empty();
        }
    }

    @Override
    public void onWarning(Throwable problem) {
        synchronized (lock) {
            LOG.warn("changefeed {} processor on capture {} has a warning: {}", key.changefeed(), key.captureId(),
                    problem.toString());
            warning = Optional.of(RunningError.of(problem, captureAddress, Instant.now()));
        }
    }

    @Override
    public void onError(Throwable failure) {
        synchronized (lock) {
            fail(failure);
        }
    }

    /** Moves the checkpoint to what the sink holds durably and publishes the position when it changed. */
    void report() {
        TaskPosition position;
        synchronized (lock) {
            if (closed || published == null) {
                return;
            }
            if (sink != null && error.isEmpty()) {
                tracker.advance(sink.durableTs()).ifPresent(point -> {
                    checkpointTs = point.ts();
                    checkpointState = point.state();
                });
            }
            position = new TaskPosition(epoch, checkpointTs, checkpointState, resolvedTs, lastSyncedTs,
                    List.copyOf(tableIds), error, warning);
        }
        if (!position.equals(published)) {
            tasks.update(key, ignored -> position);
            published = position;
        }
    }

    private boolean accepting() {
        return !closed && error.isEmpty() && sink != null;
    }

    private boolean beyondTarget(long commitTs) {
        return info.hasTarget() && commitTs > info.targetTs();
    }

    private void fail(Throwable failure) {
        if (error.isPresent() || closed) {
            return;
        }
        LOG.warn("changefeed {} processor on capture {} failed: {}", key.changefeed(), key.captureId(),
                failure.toString());
        error = Optional.of(RunningError.of(failure, captureAddress, Instant.now()));
    }

    /** Stops the source, closes the sink and withdraws the position. */
    @Override
    public void close() {
        ChangeSource closingSource;
        Sink closingSink;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closingSource = source;
            closingSink = sink;
        }
        if (closingSource != null) {
            closingSource.close();
        }
        if (closingSink != null) {
            closingSink.close();
        }
        try {
            tasks.withdraw(key);
        } catch (RuntimeException e) {
            LOG.warn("changefeed {} processor on capture {} could not withdraw its position (its session's end will):"
                    + " {}", key.changefeed(), key.captureId(), e.toString());
        }
        LOG.info("changefeed {} processor on capture {} stopped at checkpoint {}", key.changefeed(), key.captureId(),
                checkpointTs);
    }
}
