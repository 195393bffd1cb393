package io.cdc4j.sink;

import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import java.util.Arrays;
import java.util.List;

/** The values of a row's handle key (the primary key, else the NOT NULL unique key), comparable by value. */
public final class HandleKey {
    private final Object[] values;
    private final int hash;

    private HandleKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.deepHashCode(values);
    }

    /** The handle-key columns of a table: its primary key, else its NOT NULL unique key; empty when it has neither. */
    public static List<Integer> columns(TableInfo table) {
        return table.primaryKey().isEmpty() ? table.uniqueKey() : table.primaryKey();
    }

    /** The key of an image, for the columns {@link #columns} gave. */
    public static HandleKey of(RowImage image, List<Integer> columns) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = image.value(columns.get(i)).orElse(null);
        }
        return new HandleKey(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandleKey key && hash == key.hash && Arrays.deepEquals(values, key.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
