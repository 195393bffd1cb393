package io.cdc4j.processor;

import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.meta.ChangefeedInfo;
import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.meta.Versioned;
import io.cdc4j.sink.SinkFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of one capture: it follows the owner's placements in ZooKeeper, starts a processor for every
 * running changefeed placed on this capture, stops those placed elsewhere or no longer running, and has each
 * publish its position.
 */
public final class ProcessorManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorManager.class);

    private final ChangefeedStore changefeeds;
    private final TaskStore tasks;
    private final Supplier<String> captureId;
    private final String captureAddress;
    private final SinkFactory sinks;
    private final ChangeSourceFactory sources;
    private final Duration interval;
    private final Map<ChangefeedId, Processor> running = new HashMap<>();
    private final ScheduledExecutorService loop;
    private final ProcessorMetrics metrics;
    private final Map<ChangefeedId, AutoCloseable> meters = new HashMap<>();

    /**
     * @param captureId this capture's current id (it changes when the capture rejoins under a new session)
     */
    public ProcessorManager(ChangefeedStore changefeeds, TaskStore tasks, Supplier<String> captureId,
                            String captureAddress, SinkFactory sinks, ChangeSourceFactory sources, Duration interval,
                            ProcessorMetrics metrics) {
        this.changefeeds = Objects.requireNonNull(changefeeds, "changefeeds");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.captureId = Objects.requireNonNull(captureId, "captureId");
        this.captureAddress = Objects.requireNonNull(captureAddress, "captureAddress");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("processor-manager").factory());
    }

    public void start() {
        loop.scheduleWithFixedDelay(this::reconcileSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("capture {} could not follow its changefeed placements: {}", captureId.get(), e.toString());
        }
    }

    private synchronized void reconcile() {
        String me = captureId.get();
        Set<ChangefeedId> wanted = new HashSet<>();
        for (ChangefeedId id : changefeeds.list()) {
            Optional<ChangefeedStatus> status = changefeeds.status(id).map(Versioned::value);
            Optional<ChangefeedInfo> info = changefeeds.info(id).map(Versioned::value);
            if (status.isEmpty() || info.isEmpty() || !info.get().state().isRunning()
                    || !status.get().captureId().equals(Optional.of(me))) {
                continue;
            }
            wanted.add(id);
            Processor current = running.get(id);
            if (current != null && current.epoch() == status.get().epoch()) {
                continue;
            }
            if (current != null) {
                stop(id, current);
            }
            Processor processor = new Processor(new TaskStore.TaskKey(id, me), status.get().epoch(), info.get(),
                    status.get().checkpointTs(), status.get().readerState(), captureAddress, tasks);
            running.put(id, processor);
            meters.put(id, metrics.track(id, processor));
            processor.start(sinks, sources);
        }
        running.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            stop(entry.getKey(), entry.getValue());
            return true;
        });
        running.values().forEach(Processor::report);
    }

    private void stop(ChangefeedId id, Processor processor) {
        processor.close();
        AutoCloseable processorMeters = meters.remove(id);
        if (processorMeters != null) {
            try {
                processorMeters.close();
            } catch (Exception e) {
                LOG.debug("changefeed {}: removing its metrics failed: {}", id, e.toString());
            }
        }
    }

    /** The changefeeds this capture runs now. */
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
        synchronized (this) {
            running.forEach(this::stop);
            running.clear();
        }
    }
}
