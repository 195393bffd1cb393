package io.cdc4j.sink.mq;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What TiCDC's message and storage sinks do to a transaction's rows unless {@code output-raw-change-event} is set:
 * an UPDATE that changes a primary or unique key's value becomes a DELETE of the old row and an INSERT of the new
 * (a consumer keyed by the old key would otherwise never see it go), and the rows are ordered deletes first, then
 * updates, then inserts (kept in their order within each kind), so a key freed by one row is free before another
 * row takes it.
 */
public final class UpdateSplitter {
    private UpdateSplitter() {
    }

    /** The rows of one transaction, split and ordered. */
    public static List<RowChange> split(List<RowChange> rows) {
        List<RowChange> out = new ArrayList<>(rows.size() + 4);
        for (RowChange row : rows) {
            if (row.kind() == RowKind.UPDATE && changesKey(row)) {
                out.add(new RowChange(RowKind.DELETE, row.table(), row.commitTs(), row.before(), Optional.empty()));
                out.add(new RowChange(RowKind.INSERT, row.table(), row.commitTs(), Optional.empty(), row.after()));
            } else {
                out.add(row);
            }
        }
        out.sort(Comparator.comparingInt(UpdateSplitter::rank));
        return out;
    }

    private static int rank(RowChange row) {
        return switch (row.kind()) {
            case DELETE -> 0;
            case UPDATE -> 1;
            case INSERT -> 2;
        };
    }

    /** Whether the update changes the value of a column of the primary key or of a unique index. */
    static boolean changesKey(RowChange row) {
        RowImage before = row.before().orElseThrow();
        RowImage after = row.after().orElseThrow();
        for (int column : keyColumns(row.table())) {
            if (!Objects.deepEquals(before.value(column).orElse(null), after.value(column).orElse(null))) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> keyColumns(TableInfo table) {
        Set<Integer> columns = new LinkedHashSet<>(table.primaryKey());
        columns.addAll(table.uniqueKey());
        table.uniqueKeys().forEach(index -> columns.addAll(index.columns()));
        return columns;
    }
}
