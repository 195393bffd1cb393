package io.cdc4j.bench.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's memory during a run: heap in use sampled every few milliseconds and as it stood just
 * before each GC (the true peaks), heap left just after each GC, and the process's peak RSS from
 * /proc/self/status. Measuring the live set, it also asks for a full GC twice a second and keeps the most heap
 * those leave: only a full collection tells reachable objects from old-generation garbage, and its pauses make
 * such a run's throughput and lag count for nothing.
 */
public final class MemoryProbe implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 10;
    private static final long FULL_GC_MILLIS = 500;
    private static final String EXPLICIT_GC_CAUSE = "System.gc()";

    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong liveSet = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final NotificationListener gcListener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            noteHeap(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
            long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
            peakAfterGc.accumulateAndGet(after, Math::max);
            if (EXPLICIT_GC_CAUSE.equals(info.getGcCause())) {
                liveSet.accumulateAndGet(after, Math::max);
            }
        }
    };
    private final Thread sampler;
    private final Thread collector;
    private volatile boolean running = true;

    /** Starts watching; with {@code measureLiveSet} it also asks for a full GC twice a second. */
    public MemoryProbe(boolean measureLiveSet) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
        sampler = Thread.ofPlatform().daemon().name("bench-memory-probe").start(this::sample);
        collector = measureLiveSet ? Thread.ofPlatform().daemon().name("bench-full-gc").start(this::collect) : null;
    }

    private void collect() {
        while (running) {
            System.gc();
            try {
                Thread.sleep(FULL_GC_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        while (running) {
            noteHeap(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(entry -> heapPools.contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue().getUsed()).sum();
    }

    private void noteHeap(long used) {
        peakHeap.accumulateAndGet(used, Math::max);
    }

    /** Stops watching and returns the peaks. */
    public MemoryFigures finish() {
        close();
        noteHeap(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return new MemoryFigures(peakHeap.get(), peakAfterGc.get(), liveSet.get(), peakRss());
    }

    /** The VmHWM line of /proc/self/status in bytes, or 0 where there is none. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        if (collector != null) {
            collector.interrupt();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (ListenerNotFoundException e) {
                    // not registered on this collector: nothing to remove
                }
            }
        }
    }
}
