package io.cdc4j.upstream;

import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TableIdAllocator} that keeps its ids in memory and hands out {@link TableIds snapshots} of them
 * for the reader's positions, so they reach the metastore with every checkpoint and a reader resumed from a
 * checkpoint starts {@link #from(TableIds) from} the ids it had there.
 */
public final class InMemoryTableIdAllocator implements TableIdAllocator {
    private final Map<String, Long> ids = new HashMap<>();
    private long nextId;
    private TableIds snapshot;

    /** An allocator whose first id is {@code firstId}. */
    public InMemoryTableIdAllocator(long firstId) {
        this(new TableIds(Map.of(), firstId));
    }

    private InMemoryTableIdAllocator(TableIds start) {
        ids.putAll(start.ids());
        nextId = start.nextId();
        snapshot = start;
    }

    /** An allocator that continues from the ids saved with a position. */
    public static InMemoryTableIdAllocator from(TableIds saved) {
        return new InMemoryTableIdAllocator(saved);
    }

    @Override
    public synchronized long idOf(TableName table) {
        Long id = ids.get(key(table));
        return id != null ? id : assign(key(table));
    }

    @Override
    public synchronized long created(TableName table) {
        return assign(key(table));
    }

    @Override
    public synchronized void renamed(TableName from, TableName to) {
        Long id = ids.remove(key(from));
        if (id != null) {
            ids.put(key(to), id);
            snapshot = null;
        } else if (!ids.containsKey(key(to))) {
            assign(key(to));
        }
    }

    @Override
    public synchronized void dropped(TableName table) {
        if (ids.remove(key(table)) != null) {
            snapshot = null;
        }
    }

    @Override
    public synchronized void schemaDropped(String schema) {
        String prefix = schema.toLowerCase(Locale.ROOT) + ".";
        if (ids.keySet().removeIf(name -> name.startsWith(prefix))) {
            snapshot = null;
        }
    }

    @Override
    public synchronized TableIds snapshot() {
        if (snapshot == null) {
            snapshot = new TableIds(ids, nextId);
        }
        return snapshot;
    }

    private long assign(String key) {
        long id = nextId++;
        ids.put(key, id);
        snapshot = null;
        return id;
    }

    private static String key(TableName table) {
        return table.schema().toLowerCase(Locale.ROOT) + "." + table.table().toLowerCase(Locale.ROOT);
    }
}
