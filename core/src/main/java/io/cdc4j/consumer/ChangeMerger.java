package io.cdc4j.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts the changes read from a topic's partitions back in commit order, as TiCDC's kafka-consumer does: each
 * partition's rows and DDLs wait until every partition's watermark has passed them (the lowest watermark is the
 * point up to which every partition has been read whole), then go out sorted by commit ts, a transaction's rows in
 * the order they were read. A row or DDL at or below what has already gone out is a replay (a changefeed retried
 * from its checkpoint sends again what Kafka already held) and is dropped, so it cannot undo a later change.
 */
public final class ChangeMerger {
    private final Map<Integer, Long> watermarks = new TreeMap<>();
    private final Map<Integer, List<Change>> pending = new TreeMap<>();
    private final int partitions;
    private long emittedTs;
    private long replays;

    /**
     * @param partitions how many partitions the topic has: nothing goes out until each has sent a watermark
     */
    public ChangeMerger(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition");
        }
        this.partitions = partitions;
    }

    /** Takes one change read from {@code partition}. */
    public void add(int partition, Change change) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
        if (change instanceof Change.Watermark mark) {
            watermarks.merge(partition, mark.ts(), Math::max);
            return;
        }
        if (change.ts() <= emittedTs) {
            replays++;
            return;
        }
        pending.computeIfAbsent(partition, p -> new ArrayList<>()).add(change);
    }

    /** The lowest watermark over all partitions, 0 while one has none yet. */
    public long resolvedTs() {
        if (watermarks.size() < partitions) {
            return 0;
        }
        return watermarks.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** The rows and DDLs every partition's watermark has passed, in commit order; they are then forgotten. */
    public List<Change> drain() {
        long resolved = resolvedTs();
        if (resolved <= emittedTs) {
            return List.of();
        }
        List<Change> ready = new ArrayList<>();
        for (List<Change> changes : pending.values()) {
            for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
                Change change = it.next();
                if (change.ts() <= emittedTs) {
                    replays++;
                    it.remove();
                } else if (change.ts() <= resolved) {
                    ready.add(change);
                    it.remove();
                }
            }
        }
        ready.sort(Comparator.comparingLong(Change::ts));
        emittedTs = resolved;
        return withoutCopies(ready);
    }

    /** A DDL sent to every partition (as most protocols send it) goes out once: the copies of it are dropped. */
    private static List<Change> withoutCopies(List<Change> ready) {
        Set<Change.Ddl> seen = new HashSet<>();
        List<Change> once = new ArrayList<>(ready.size());
        for (Change change : ready) {
            if (!(change instanceof Change.Ddl ddl) || seen.add(ddl)) {
                once.add(change);
            }
        }
        return once;
    }

    /** The changes dropped as replays of what already went out. */
    public long replays() {
        return replays;
    }

    /** The changes waiting for a watermark. */
    public int waiting() {
        return pending.values().stream().mapToInt(List::size).sum();
    }
}
