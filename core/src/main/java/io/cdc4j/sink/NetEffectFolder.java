package io.cdc4j.sink;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts one upstream transaction into per-table transactions and folds every row key's changes to their net effect,
 * so that a transaction that touched a key several times leaves one change per key and statements may be regrouped
 * (deletes, updates, inserts) without changing the result. An update that changes the handle key counts as a delete
 * of the old key and an insert of the new one.
 */
public final class NetEffectFolder {
    private NetEffectFolder() {
    }

    /**
     * The per-table transactions of {@code rows} (one upstream transaction, in binlog order), tables in first-seen
     * order.
     */
    public static List<TableTxn> fold(long commitTs, List<RowChange> rows) {
        Map<Long, TableFold> tables = new LinkedHashMap<>();
        for (RowChange row : rows) {
            tables.computeIfAbsent(row.table().tableId(), id -> new TableFold()).add(row);
        }
        List<TableTxn> result = new ArrayList<>(tables.size());
        for (TableFold fold : tables.values()) {
            fold.result(commitTs).ifPresent(result::add);
        }
        return result;
    }

    /** One table's changes being folded. */
    private static final class TableFold {
        private final Map<HandleKey, KeyState> keys = new LinkedHashMap<>();
        private final List<RowChange> unkeyed = new ArrayList<>();
        private TableInfo table;
        private List<Integer> keyColumns;

        void add(RowChange row) {
            if (table == null) {
                keyColumns = HandleKey.columns(row.table());
            }
            table = row.table();
            if (keyColumns.isEmpty()) {
                unkeyed.add(row);
                return;
            }
            switch (row.kind()) {
                case INSERT -> apply(row.after().orElseThrow(), Optional.empty(), row.after());
                case DELETE -> apply(row.before().orElseThrow(), row.before(), Optional.empty());
                case UPDATE -> {
                    RowImage before = row.before().orElseThrow();
                    RowImage after = row.after().orElseThrow();
                    if (HandleKey.of(before, keyColumns).equals(HandleKey.of(after, keyColumns))) {
                        apply(after, row.before(), row.after());
                    } else {
                        apply(before, row.before(), Optional.empty());
                        apply(after, Optional.empty(), row.after());
                    }
                }
            }
        }

        /**
         * Records a change of the key of {@code keyImage}: from {@code before} (absent: did not exist) to
         * {@code after}.
         */
        private void apply(RowImage keyImage, Optional<RowImage> before, Optional<RowImage> after) {
            HandleKey key = HandleKey.of(keyImage, keyColumns);
            KeyState state = keys.get(key);
            if (state == null) {
                keys.put(key, new KeyState(before, after));
            } else {
                state.after = after;
            }
        }

        Optional<TableTxn> result(long commitTs) {
            if (keyColumns.isEmpty()) {
                return Optional.of(new TableTxn(commitTs, table, unkeyed, false));
            }
            List<RowChange> net = new ArrayList<>(keys.size());
            for (KeyState state : keys.values()) {
                state.net(table, commitTs).ifPresent(net::add);
            }
            return net.isEmpty() ? Optional.empty() : Optional.of(new TableTxn(commitTs, table, net, true));
        }
    }

    /** A key's image before the transaction (absent: the key did not exist) and after its latest change so far. */
    private static final class KeyState {
        private final Optional<RowImage> before;
        private Optional<RowImage> after;

        KeyState(Optional<RowImage> before, Optional<RowImage> after) {
            this.before = before;
            this.after = after;
        }

        Optional<RowChange> net(TableInfo table, long commitTs) {
            if (before.isEmpty() && after.isEmpty()) {
                return Optional.empty();
            }
            if (before.isEmpty()) {
                return Optional.of(new RowChange(RowKind.INSERT, table, commitTs, before, after));
            }
            if (after.isEmpty()) {
                return Optional.of(new RowChange(RowKind.DELETE, table, commitTs, before, after));
            }
            if (before.equals(after)) {
                return Optional.empty();
            }
            return Optional.of(new RowChange(RowKind.UPDATE, table, commitTs, before, after));
        }
    }
}
