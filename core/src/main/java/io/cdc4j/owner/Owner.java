package io.cdc4j.owner;

import io.cdc4j.capture.OwnerRole;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's work loop: while its capture leads the cluster it ticks at a fixed interval, and each
 * tick drives the cluster's changefeeds. Health reports whether the current term has ticked yet.
 */
public final class Owner implements OwnerRole {
    private static final Logger LOG = LoggerFactory.getLogger(Owner.class);

    private final Duration tickInterval;
    private final AtomicLong ticksThisTerm = new AtomicLong();
    private volatile boolean leading;

    public Owner(Duration tickInterval) {
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tick interval must be positive: " + tickInterval);
        }
        this.tickInterval = tickInterval;
    }

    @Override
    public void lead(String captureId) throws InterruptedException {
        ticksThisTerm.set(0);
        leading = true;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                tick();
                Thread.sleep(tickInterval);
            }
        } finally {
            leading = false;
            LOG.info("owner {} stops ticking after {} ticks", captureId, ticksThisTerm.get());
        }
    }

    /** Whether this process is the owner and has completed at least one tick in its current term. */
    public boolean hasTicked() {
        return leading && ticksThisTerm.get() > 0;
    }

    private void tick() {
        ticksThisTerm.incrementAndGet();
    }
}
