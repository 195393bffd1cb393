package io.cdc4j.capture;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One capture's candidacy in the owner election (Curator's leader selector): while it leads it runs
 * the {@link OwnerRole}; after resigning it queues up again behind the other candidates. A role that fails is logged
 * here, as Curator would drop the failure in silence, and the capture queues up again.
 */
final class OwnerElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerElection.class);

    private final String captureId;
    private final OwnerRole role;
    private final LeaderSelector selector;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    OwnerElection(CuratorFramework client, String electionPath, String captureId, OwnerRole role) {
        this.captureId = captureId;
        this.role = role;
        this.selector = new LeaderSelector(client, electionPath, new LeaderSelectorListenerAdapter() {
            @Override
            public void takeLeadership(CuratorFramework ignored) throws Exception {
                lead();
            }
        });
        this.selector.setId(captureId);
        this.selector.autoRequeue();
    }

    void start() {
        selector.start();
    }

    boolean isLeading() {
        return leading.get();
    }

    /** Gives the leadership up if held; the capture stays a candidate. */
    void resign() {
        if (leading.get()) {
            LOG.info("capture {} resigns the ownership", captureId);
            selector.interruptLeadership();
        }
    }

    /** Leaves the election for good, giving the leadership up if held. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            selector.close();
        }
    }

    private void lead() throws InterruptedException {
        if (closed.get()) {
            return;
        }
        leading.set(true);
        LOG.info("capture {} is now the owner", captureId);
        try {
            role.lead(captureId);
        } catch (RuntimeException | Error e) {
            LOG.error("capture {} stops leading: its owner role failed", captureId, e);
        } finally {
            leading.set(false);
            LOG.info("capture {} is no longer the owner", captureId);
        }
    }
}
