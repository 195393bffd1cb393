package io.cdc4j.upstream;

import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TableIdAllocator} that keeps its ids in memory and hands out {@link TableIds snapshots} of them
 * for the reader's positions, so they reach the metastore with every checkpoint and a reader resumed from a
 * checkpoint starts {@link #from(TableIds, TableNameCase) from} the ids it had there.
 *
 * <p>Names are told apart as the upstream's {@link TableNameCase} says. A snapshot keys each id by the quoted
 * name ({@code `d`.`Foo`}). Snapshots written before names were compared exactly key ids by the lower-cased
 * {@code d.foo}; such a key is kept until a table it can stand for is first seen, which then takes its id.
 */
public final class InMemoryTableIdAllocator implements TableIdAllocator {
    private final TableNameCase nameCase;
    private final Map<TableName, Long> ids = new HashMap<>();
    private final Map<String, Long> legacyIds = new HashMap<>();
    private long nextId;
    private TableIds snapshot;

    /** An allocator for an upstream that compares names exactly, whose first id is {@code firstId}. */
    public InMemoryTableIdAllocator(long firstId) {
        this(new TableIds(Map.of(), firstId), TableNameCase.EXACT);
    }

    private InMemoryTableIdAllocator(TableIds start, TableNameCase nameCase) {
        this.nameCase = nameCase;
        for (Map.Entry<String, Long> saved : start.ids().entrySet()) {
            Optional<TableName> name = parseKey(saved.getKey());
            if (name.isPresent()) {
                ids.put(nameCase.key(name.get()), saved.getValue());
            } else {
                legacyIds.put(saved.getKey(), saved.getValue());
            }
        }
        nextId = start.nextId();
        snapshot = start;
    }

    /** An allocator that continues from the ids saved with a position, comparing names as {@code nameCase} says. */
    public static InMemoryTableIdAllocator from(TableIds saved, TableNameCase nameCase) {
        return new InMemoryTableIdAllocator(saved, nameCase);
    }

    /** An allocator that continues from the ids saved with a position, for an upstream comparing names exactly. */
    public static InMemoryTableIdAllocator from(TableIds saved) {
        return from(saved, TableNameCase.EXACT);
    }

    @Override
    public synchronized long idOf(TableName table) {
        TableName key = nameCase.key(table);
        Long id = ids.get(key);
        if (id != null) {
            return id;
        }
        Long legacy = takeLegacy(key);
        if (legacy != null) {
            ids.put(key, legacy);
            return legacy;
        }
        return assign(key);
    }

    @Override
    public synchronized long created(TableName table) {
        TableName key = nameCase.key(table);
        Long id = ids.get(key);
        if (id != null) {
            return id;
        }
        takeLegacy(key);
        return assign(key);
    }

    @Override
    public synchronized void renamed(TableName from, TableName to) {
        TableName fromKey = nameCase.key(from);
        TableName toKey = nameCase.key(to);
        Long id = ids.remove(fromKey);
        if (id == null) {
            id = takeLegacy(fromKey);
        }
        if (id != null) {
            ids.put(toKey, id);
            snapshot = null;
        } else if (!ids.containsKey(toKey)) {
            Long legacy = takeLegacy(toKey);
            if (legacy != null) {
                ids.put(toKey, legacy);
            } else {
                assign(toKey);
            }
        }
    }

    @Override
    public synchronized void dropped(TableName table) {
        TableName key = nameCase.key(table);
        if (ids.remove(key) != null || takeLegacy(key) != null) {
            snapshot = null;
        }
    }

    @Override
    public synchronized void schemaDropped(String schema) {
        String key = nameCase.key(schema);
        String legacyPrefix = schema.toLowerCase(Locale.ROOT) + ".";
        boolean removed = ids.keySet().removeIf(name -> name.schema().equals(key));
        removed |= legacyIds.keySet().removeIf(name -> name.startsWith(legacyPrefix));
        if (removed) {
            snapshot = null;
        }
    }

    @Override
    public synchronized TableIds snapshot() {
        if (snapshot == null) {
            Map<String, Long> keyed = new HashMap<>(legacyIds);
            ids.forEach((name, id) -> keyed.put(name.toString(), id));
            snapshot = new TableIds(keyed, nextId);
        }
        return snapshot;
    }

    private long assign(TableName key) {
        long id = nextId++;
        ids.put(key, id);
        snapshot = null;
        return id;
    }

    /** Removes and returns the id an old snapshot saved under the table's lower-cased name, if any. */
    private Long takeLegacy(TableName table) {
        Long id = legacyIds.remove(
                table.schema().toLowerCase(Locale.ROOT) + "." + table.table().toLowerCase(Locale.ROOT));
        if (id != null) {
            snapshot = null;
        }
        return id;
    }

    /** The ids of a snapshot by table name; keys of snapshots older than exact names are left out. */
    public static Map<TableName, Long> byName(TableIds snapshot) {
        Map<TableName, Long> named = new HashMap<>();
        snapshot.ids().forEach((key, id) -> parseKey(key).ifPresent(name -> named.put(name, id)));
        return named;
    }

    /** The name of a key written as {@link TableName#toString()}; empty for a key of an old snapshot. */
    static Optional<TableName> parseKey(String key) {
        StringBuilder schema = new StringBuilder();
        int end = quoted(key, 0, schema);
        if (end < 0 || end >= key.length() || key.charAt(end) != '.') {
            return Optional.empty();
        }
        StringBuilder table = new StringBuilder();
        end = quoted(key, end + 1, table);
        if (end != key.length() || table.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableName(schema.toString(), table.toString()));
    }

    /** Reads a backquoted name at {@code start} into {@code name}; the index after it, or -1 if there is none. */
    private static int quoted(String text, int start, StringBuilder name) {
        if (start >= text.length() || text.charAt(start) != '`') {
            return -1;
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                name.append('`');
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        return -1;
    }
}
