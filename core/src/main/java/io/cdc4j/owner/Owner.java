package io.cdc4j.owner;

import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.capture.OwnerRole;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.ChangefeedId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's work loop: while its capture leads the cluster it ticks at a fixed interval, and each tick drives the
 * cluster's changefeeds. Admin jobs from the API are queued for the next tick, and each is answered once applied (or
 * with its error). Health reports whether the current term has ticked and placed every normal changefeed. A failed
 * tick is tried again on the next; an error that leaves the process unusable ends the term and the process, so
 * another capture takes the ownership.
 */
public final class Owner implements OwnerRole {
    private static final Logger LOG = LoggerFactory.getLogger(Owner.class);
    private static final int MAX_QUEUED_JOBS = 1024;

    private final ChangefeedStore changefeeds;
    private final TaskStore tasks;
    private final CaptureRegistry captures;
    private final OwnerSettings settings;
    private final ProcessExit exit;
    private final AdminJobQueue jobs = new AdminJobQueue(MAX_QUEUED_JOBS);
    private final AtomicLong ticksThisTerm = new AtomicLong();
    private volatile ChangefeedReconciler term;

    public Owner(ChangefeedStore changefeeds, TaskStore tasks, CaptureRegistry captures, OwnerSettings settings) {
        this(changefeeds, tasks, captures, settings, ProcessExit.system());
    }

    /**
     * @param exit what ends the process after an error that leaves it unusable (an {@link OutOfMemoryError})
     */
    public Owner(ChangefeedStore changefeeds, TaskStore tasks, CaptureRegistry captures, OwnerSettings settings,
                 ProcessExit exit) {
        this.exit = Objects.requireNonNull(exit, "exit");
        this.changefeeds = Objects.requireNonNull(changefeeds, "changefeeds");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.captures = Objects.requireNonNull(captures, "captures");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void lead(String captureId) throws InterruptedException {
        ticksThisTerm.set(0);
        ChangefeedReconciler reconciler = new ChangefeedReconciler(changefeeds, tasks, captures, settings);
        term = reconciler;
        jobs.open();
        LOG.info("owner {} starts its term", captureId);
        try {
            String failingTick = null;
            while (!Thread.currentThread().isInterrupted()) {
                List<QueuedJob> batch = jobs.drain();
                try {
                    reconciler.tick(batch);
                    if (failingTick != null) {
                        LOG.info("owner {} ticks again", captureId);
                        failingTick = null;
                    }
                } catch (Throwable e) {
                    batch.forEach(job -> job.fail(e));
                    if (ProcessExit.isFatal(e)) {
                        LOG.error("owner {} cannot go on after a fatal error: it gives the ownership up and the"
                                + " process exits", captureId, e);
                        exit.exit(e);
                        return;
                    }
                    failingTick = logTickFailure(captureId, e, failingTick);
                }
                ticksThisTerm.incrementAndGet();
                Thread.sleep(settings.tickInterval());
            }
        } finally {
            jobs.close();
            term = null;
            LOG.info("owner {} stops ticking after {} ticks", captureId, ticksThisTerm.get());
        }
    }

    /** Logs a failing tick once per run of the same failure (the stack trace with it when it is not ours). */
    private static String logTickFailure(String captureId, Throwable e, String failingTick) {
        String text = e.toString();
        if (text.equals(failingTick)) {
            LOG.debug("owner {} tick failed again: {}", captureId, text);
        } else if (e instanceof CdcException) {
            LOG.warn("owner {} tick failed: {}; it is tried again every tick", captureId, text);
        } else {
            LOG.warn("owner {} tick failed: {}; it is tried again every tick", captureId, text, e);
        }
        return text;
    }

    /** Whether this process is the owner and has completed at least one tick in its current term. */
    public boolean hasTicked() {
        return term != null && ticksThisTerm.get() > 0;
    }

    /** Whether the last tick placed every normal changefeed on a live capture. */
    public boolean allNormalChangefeedsPlaced() {
        ChangefeedReconciler current = term;
        return current != null && current.allNormalPlaced();
    }

    /**
     * Queues an admin job for the next tick. The returned future completes once the owner applied the job, or
     * exceptionally with the {@link CdcException} that failed it: {@code CDC:ErrOwnerNotFound} when this process is
     * not leading or its term ends first.
     *
     * @throws CdcException at once when this process is not leading or too many jobs are queued
     */
    public Future<Void> submit(AdminJob job) {
        return jobs.submit(job);
    }

    /** The resolved ts the owner knows for a changefeed (in memory, this term only). */
    public OptionalLong resolvedTs(ChangefeedId id) {
        ChangefeedReconciler current = term;
        return current == null ? OptionalLong.empty() : current.resolvedTs(id);
    }
}
