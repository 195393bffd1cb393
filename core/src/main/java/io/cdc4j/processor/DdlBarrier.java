package io.cdc4j.processor;

import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.DdlEvent;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meeting of one run's processors at each DDL of a changefeed whose tables are shared over captures, through
 * their positions in ZooKeeper: a share says it reached the DDL (every earlier write durable) and waits until the lead
 * says it applied it; the lead waits until every share reached it. A DDL is told by its number since the run's start
 * point, which all processors of a run share: each capture's reader stamps its own commit ts, so one DDL may have
 * another ts on another capture. Used by the processor's dispatch thread only; the counts it publishes are read by
 * the processor's reports.
 */
final class DdlBarrier {
    private static final Logger LOG = LoggerFactory.getLogger(DdlBarrier.class);
    /** How often the positions of the others are read while waiting. */
    static final Duration POLL = Duration.ofMillis(50);
    private static final Duration LOG_AFTER = Duration.ofSeconds(5);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private final TaskStore tasks;
    private final TaskStore.TaskKey key;
    private final long epoch;
    private final Participation participation;
    private final Runnable publish;
    private long seen;
    private volatile long reached;
    private volatile long applied;

    /** @param publish publishes this processor's position now, so the others see a count as soon as it changes */
    DdlBarrier(TaskStore tasks, TaskStore.TaskKey key, long epoch, Participation participation, Runnable publish) {
        this.tasks = tasks;
        this.key = key;
        this.epoch = epoch;
        this.participation = participation;
        this.publish = publish;
    }

    /** Counts a DDL the source delivered; returns its number in this run. */
    long next() {
        return ++seen;
    }

    /** Whether DDLs are met with other captures at all. */
    boolean shared() {
        return participation.shared();
    }

    /**
     * A share: says it reached DDL {@code ordinal} with every earlier write durable, and waits until the lead applied
     * it; false when {@code abandoned} said to stop waiting.
     */
    boolean reachAndAwaitLead(DdlEvent ddl, long ordinal, BooleanSupplier abandoned) throws InterruptedException {
        reached = ordinal;
        publish.run();
        return await(ddl, "the lead capture " + participation.lead() + " to apply it", abandoned,
                () -> tasks.position(new TaskStore.TaskKey(key.changefeed(), participation.lead()))
                        .filter(p -> p.epoch() == epoch).map(p -> p.appliedDdls() >= ordinal).orElse(false));
    }

    /** The lead: waits until every share reached DDL {@code ordinal}; false when {@code abandoned} said to stop. */
    boolean awaitShares(DdlEvent ddl, long ordinal, BooleanSupplier abandoned) throws InterruptedException {
        if (participation.followers().isEmpty()) {
            return true;
        }
        return await(ddl, "captures " + participation.followers() + " to reach it", abandoned, () -> {
            Map<String, TaskPosition> positions = tasks.positions(key.changefeed());
            for (String follower : participation.followers()) {
                TaskPosition position = positions.get(follower);
                if (position == null || position.epoch() != epoch || position.reachedDdls() < ordinal) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The lead applied (or passed over) DDL {@code ordinal}. */
    void applied(long ordinal) {
        applied = ordinal;
        if (participation.shared()) {
            publish.run();
        }
    }

    /** How many DDLs this processor reached, for its position. */
    long reached() {
        return reached;
    }

    /** How many DDLs the lead applied, for its position. */
    long appliedCount() {
        return applied;
    }

    private boolean await(DdlEvent ddl, String what, BooleanSupplier abandoned, BooleanSupplier passed)
            throws InterruptedException {
        long start = System.nanoTime();
        long nextLog = start + LOG_AFTER.toNanos();
        while (!abandoned.getAsBoolean()) {
            if (passed.getAsBoolean()) {
                LOG.debug("changefeed {} processor on capture {}: DDL at {} passed its barrier after {} ms",
                        key.changefeed(), key.captureId(), ddl.commitTs(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                return true;
            }
            if (System.nanoTime() - nextLog >= 0) {
                LOG.info("changefeed {} processor on capture {}: the DDL at {} waits for {} ({})", key.changefeed(),
                        key.captureId(), ddl.commitTs(), what, ddl.query());
                nextLog = System.nanoTime() + LOG_EVERY.toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }
}
