package io.cdc4j.upstream;

import io.cdc4j.model.TableName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A {@link TableIdAllocator} that keeps its ids in memory (a ZooKeeper-backed one replaces it in a cluster). */
public final class InMemoryTableIdAllocator implements TableIdAllocator {
    private final Map<TableName, Long> ids = new HashMap<>();
    private long nextId;

    /** An allocator whose first id is {@code firstId}. */
    public InMemoryTableIdAllocator(long firstId) {
        this.nextId = firstId;
    }

    @Override
    public synchronized long idOf(TableName table) {
        return ids.computeIfAbsent(key(table), name -> nextId++);
    }

    @Override
    public synchronized long created(TableName table) {
        long id = nextId++;
        ids.put(key(table), id);
        return id;
    }

    @Override
    public synchronized void renamed(TableName from, TableName to) {
        Long id = ids.remove(key(from));
        ids.put(key(to), id != null ? id : nextId++);
    }

    @Override
    public synchronized void dropped(TableName table) {
        ids.remove(key(table));
    }

    @Override
    public synchronized void schemaDropped(String schema) {
        ids.keySet().removeIf(name -> name.schema().equalsIgnoreCase(schema));
    }

    private static TableName key(TableName table) {
        return new TableName(table.schema().toLowerCase(Locale.ROOT), table.table().toLowerCase(Locale.ROOT));
    }
}
