package io.cdc4j.sink;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.TableInfo;
import java.util.List;
import java.util.Objects;

/**
 * One upstream transaction's net changes to one table: what a worker writes as a unit. For a table with a handle key
 * the rows are folded (at most one change per key, so they may be regrouped); otherwise they are in binlog order.
 *
 * @param commitTs the upstream transaction's commit ts
 * @param table the table's shape
 * @param rows the net changes (keyed) or every change in order (no handle key)
 * @param keyed whether the table has a handle key and the rows were folded per key
 */
public record TableTxn(long commitTs, TableInfo table, List<RowChange> rows, boolean keyed) {
    public TableTxn {
        Objects.requireNonNull(table, "table");
        rows = List.copyOf(rows);
    }
}
