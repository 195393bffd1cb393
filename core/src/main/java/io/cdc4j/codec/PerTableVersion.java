package io.cdc4j.codec;

import io.cdc4j.model.TableInfo;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an encoder derives from a table version (column types, fixed parts of a message), computed once per version
 * instead of once per row. A version is the {@link TableInfo} instance the reader keeps for a table until its shape
 * changes, so a new instance of the same table replaces the old entry: one entry per table, however many versions.
 *
 * @param <T> what is derived
 */
public final class PerTableVersion<T> {
    private final Function<TableInfo, T> derive;
    private final ConcurrentHashMap<Long, Entry<T>> byTable = new ConcurrentHashMap<>();

    public PerTableVersion(Function<TableInfo, T> derive) {
        this.derive = Objects.requireNonNull(derive, "derive");
    }

    /** What is derived from {@code table}, from the cache when it was derived from this very instance. */
    public T of(TableInfo table) {
        Entry<T> entry = byTable.get(table.tableId());
        if (entry != null && entry.table() == table) {
            return entry.value();
        }
        T value = derive.apply(table);
        byTable.put(table.tableId(), new Entry<>(table, value));
        return value;
    }

    private record Entry<T>(TableInfo table, T value) {
    }
}
