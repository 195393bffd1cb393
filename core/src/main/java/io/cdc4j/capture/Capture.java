package io.cdc4j.capture;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.MetaKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One capture's life in the cluster: it registers itself, campaigns for ownership, comes back under a
 * new id after losing its ZooKeeper session (as TiCDC's captures do), and stops gracefully: liveness 1,
 * leadership given up, registration removed. A rejoin that fails is tried again with backoff until it works.
 */
public final class Capture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Capture.class);
    private static final Duration FIRST_REJOIN_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_REJOIN_WAIT = Duration.ofSeconds(30);

    private final CuratorFramework client;
    private final MetaKeys keys;
    private final CaptureRegistry registry;
    private final OwnerLookup ownerLookup;
    private final OwnerRole ownerRole;
    private final ProcessExit exit;
    private final ScheduledExecutorService sessionEvents;
    private final Object lock = new Object();

    private volatile CaptureInfo info;
    private OwnerElection election;
    private boolean sessionLost;
    /** Counts the reconnections after a session loss, so that only the latest one's rejoin attempts go on. */
    private long rejoins;
    private boolean stopped;

    /**
     * Prepares a capture; {@link #start()} registers it.
     *
     * @param address the advertised address other captures and clients reach its API at
     * @param upstream the upstream it reads ({@code host:port}), empty when it reads none
     */
    public Capture(CuratorFramework client, MetaKeys keys, String address, String version, String gitHash,
                   Optional<String> upstream, OwnerRole ownerRole) {
        this(client, keys, address, version, gitHash, upstream, ownerRole, ProcessExit.system());
    }

    /**
     * Prepares a capture; {@link #start()} registers it.
     *
     * @param exit what ends the process after an error that leaves it unusable (an {@link OutOfMemoryError})
     */
    public Capture(CuratorFramework client, MetaKeys keys, String address, String version, String gitHash,
                   Optional<String> upstream, OwnerRole ownerRole, ProcessExit exit) {
        this(client, keys, address, version, gitHash, upstream, false, ownerRole, exit);
    }

    /**
     * Prepares a capture whose processors can run a share of a changefeed's tables when {@code sharesTables}.
     */
    public Capture(CuratorFramework client, MetaKeys keys, String address, String version, String gitHash,
                   Optional<String> upstream, boolean sharesTables, OwnerRole ownerRole, ProcessExit exit) {
        this.exit = Objects.requireNonNull(exit, "exit");
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.registry = new CaptureRegistry(client, keys);
        this.ownerLookup = new OwnerLookup(client, keys);
        this.ownerRole = Objects.requireNonNull(ownerRole, "ownerRole");
        this.info = new CaptureInfo(newId(), address, version, gitHash, keys.clusterId(), Instant.now(), Liveness.ALIVE,
                upstream, sharesTables);
        this.sessionEvents = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("capture-session").factory());
    }

    /** Registers the capture and enters the owner election. */
    public void start() {
        client.getConnectionStateListenable().addListener(
                (ignored, state) -> sessionEvents.execute(() -> guarded(() -> onConnectionState(state))));
        synchronized (lock) {
            joinCluster();
        }
    }

    public String id() {
        return info.id();
    }

    public CaptureInfo info() {
        return info;
    }

    public Liveness liveness() {
        return info.liveness();
    }

    /** Whether this capture holds the ownership right now. */
    public boolean isOwner() {
        synchronized (lock) {
            return election != null && election.isLeading();
        }
    }

    /** Makes this capture give the ownership up; another candidate takes it. */
    public void resignOwnership() {
        synchronized (lock) {
            if (election != null) {
                election.resign();
            }
        }
    }

    /** The registry of every capture of the cluster. */
    public CaptureRegistry registry() {
        return registry;
    }

    /** Who owns the cluster now, as the election's nodes say. */
    public OwnerLookup ownerLookup() {
        return ownerLookup;
    }

    /**
     * Starts a graceful stop: the capture shows liveness 1 (to the API and in its registration) and
     * leaves the election for good, giving the ownership up if it held it.
     */
    public void beginStop() {
        synchronized (lock) {
            if (info.liveness() == Liveness.STOPPING) {
                return;
            }
            info = info.withLiveness(Liveness.STOPPING);
            LOG.info("capture {} is stopping (liveness 1)", info.id());
            try {
                registry.update(info);
            } catch (RuntimeException e) {
                LOG.warn("capture {} could not publish its liveness: {}", info.id(), e.getMessage());
            }
            if (election != null) {
                election.close();
            }
        }
    }

    /** Ends the stop: the registration is removed. The ZooKeeper client stays open for its owner to close. */
    @Override
    public void close() {
        beginStop();
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                registry.deregister(info.id());
                LOG.info("capture {} deregistered", info.id());
            } catch (RuntimeException e) {
                LOG.warn("capture {} could not deregister (its session's end will): {}", info.id(), e.getMessage());
            }
        }
        sessionEvents.shutdownNow();
    }

    private void joinCluster() {
        registry.register(info);
        OwnerElection candidacy = new OwnerElection(client, keys.ownerElection(), info.id(), ownerRole);
        candidacy.start();
        election = candidacy;
        LOG.info("capture {} registered at {} in cluster {}", info.id(), info.address(), info.clusterId());
    }

    private void onConnectionState(ConnectionState state) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            switch (state) {
                case LOST -> {
                    sessionLost = true;
                    LOG.warn("capture {} lost its ZooKeeper session: its registration and any ownership are gone",
                            info.id());
                    if (election != null) {
                        election.close();
                        election = null;
                    }
                }
                case RECONNECTED -> {
                    if (sessionLost && info.liveness() == Liveness.ALIVE) {
                        String oldId = info.id();
                        info = info.withId(newId());
                        LOG.info("capture {} rejoins the cluster as {} after a new ZooKeeper session", oldId, info.id());
                        rejoin(++rejoins, 1);
                    }
                }
                case SUSPENDED -> LOG.warn("capture {} lost its ZooKeeper connection; waiting for it to come back",
                        info.id());
                default -> {
                    // CONNECTED and READ_ONLY need nothing
                }
            }
        }
    }

    /** One attempt to rejoin after a session loss; a failed one is tried again after a wait that doubles. */
    private void rejoin(long generation, int attempt) {
        synchronized (lock) {
            if (stopped || !sessionLost || generation != rejoins || info.liveness() != Liveness.ALIVE) {
                return;
            }
            try {
                registry.deregister(info.id());
                joinCluster();
                sessionLost = false;
                if (attempt > 1) {
                    LOG.info("capture {} rejoined the cluster after {} attempts", info.id(), attempt);
                }
            } catch (RuntimeException e) {
                long waitMs = Math.min(MAX_REJOIN_WAIT.toMillis(), FIRST_REJOIN_WAIT.toMillis() << Math.min(attempt - 1, 5));
                if (attempt == 1) {
                    LOG.warn("capture {} could not rejoin the cluster: {}; it is tried again with backoff", info.id(),
                            e.toString(), e instanceof CdcException ? null : e);
                } else {
                    LOG.debug("capture {} could not rejoin the cluster (attempt {}): {}", info.id(), attempt,
                            e.toString());
                }
                sessionEvents.schedule(() -> guarded(() -> rejoin(generation, attempt + 1)), waitMs,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs a session task; nothing escapes it unlogged, and an error that leaves the process unusable ends it. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable e) {
            if (ProcessExit.isFatal(e)) {
                LOG.error("capture {} cannot go on after a fatal error: the process exits so that its changefeeds move"
                        + " to other captures", info.id(), e);
                exit.exit(e);
            } else {
                LOG.error("capture {} failed to handle a ZooKeeper session event", info.id(), e);
            }
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
