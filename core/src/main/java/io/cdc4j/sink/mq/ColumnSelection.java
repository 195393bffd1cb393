package io.cdc4j.sink.mq;

import io.cdc4j.codec.PerTableVersion;
import io.cdc4j.config.ColumnSelector;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.filter.ColumnFilter;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code sink.column_selectors} as TiCDC applies them to a message-queue sink: the first selector whose matcher takes
 * a table decides which of its columns are sent; a table no selector takes keeps every column. A table's selected
 * columns must hold its primary key or a whole unique key (TiCDC's rule, which keeps key order and dispatch by
 * key working), else its first row fails the changefeed with {@code CDC:ErrColumnSelectorFailed}.
 */
public final class ColumnSelection {
    private final List<Selector> selectors;
    private final PerTableVersion<Optional<Projection>> projections = new PerTableVersion<>(this::projection);

    private ColumnSelection(List<Selector> selectors) {
        this.selectors = selectors;
    }

    /**
     * @throws CdcException FILTER_RULE_INVALID or COLUMN_SELECTOR_FAILED for a malformed matcher or column pattern
     */
    public static ColumnSelection of(List<ColumnSelector> config, boolean caseSensitive) {
        List<Selector> selectors = new ArrayList<>();
        for (ColumnSelector selector : config) {
            selectors.add(new Selector(TableFilter.of(selector.matcher(), caseSensitive),
                    ColumnFilter.of(selector.columns())));
        }
        return new ColumnSelection(List.copyOf(selectors));
    }

    /** The row with only its table's selected columns, in their order; the row itself when all are selected. */
    public RowChange project(RowChange row) {
        if (selectors.isEmpty()) {
            return row;
        }
        Optional<Projection> projection = projections.of(row.table());
        if (projection.isEmpty()) {
            return row;
        }
        int[] kept = projection.get().kept();
        return new RowChange(row.kind(), projection.get().table(), row.commitTs(),
                row.before().map(image -> image(image, kept)), row.after().map(image -> image(image, kept)));
    }

    private static RowImage image(RowImage image, int[] kept) {
        Object[] values = new Object[kept.length];
        for (int i = 0; i < kept.length; i++) {
            values[i] = image.value(kept[i]).orElse(null);
        }
        return new RowImage(values);
    }

    private Optional<Projection> projection(TableInfo table) {
        Optional<Selector> selector = selectors.stream()
                .filter(s -> s.tables().matchTable(table.name().schema(), table.name().table())).findFirst();
        if (selector.isEmpty()) {
            return Optional.empty();
        }
        List<ColumnInfo> columns = table.columns();
        int[] kept = new int[columns.size()];
        int[] moved = new int[columns.size()];
        int count = 0;
        for (int i = 0; i < columns.size(); i++) {
            moved[i] = -1;
            if (selector.get().columns().matches(columns.get(i).name())) {
                moved[i] = count;
                kept[count++] = i;
            }
        }
        if (count == columns.size()) {
            return Optional.empty();
        }
        List<Integer> primaryKey = remapped(table.primaryKey(), moved);
        List<Integer> uniqueKey = remapped(table.uniqueKey(), moved);
        List<TableInfo.UniqueIndex> uniqueKeys = new ArrayList<>();
        for (TableInfo.UniqueIndex index : table.uniqueKeys()) {
            List<Integer> indexColumns = remapped(index.columns(), moved);
            if (!indexColumns.isEmpty()) {
                uniqueKeys.add(new TableInfo.UniqueIndex(indexColumns, index.prefixLengths()));
            }
        }
        boolean keyKept = !primaryKey.isEmpty() || (table.primaryKey().isEmpty() && !uniqueKey.isEmpty());
        boolean hasKeys = !table.primaryKey().isEmpty() || !table.uniqueKeys().isEmpty();
        if (hasKeys && !keyKept && uniqueKeys.isEmpty()) {
            throw new CdcException(ErrorCode.COLUMN_SELECTOR_FAILED, "the column selector of " + table.name()
                    + " keeps no whole primary or unique key (it keeps " + Arrays.stream(kept, 0, count)
                    .mapToObj(i -> columns.get(i).name()).toList() + "); select the columns of one of them");
        }
        List<ColumnInfo> keptColumns = Arrays.stream(kept, 0, count).mapToObj(columns::get).toList();
        if (!table.primaryKey().isEmpty() && primaryKey.isEmpty()) {
            // the handle key is then a kept NOT NULL unique index, as it is for a table without a primary key
            uniqueKey = uniqueKeys.stream().map(TableInfo.UniqueIndex::columns)
                    .filter(index -> index.stream().noneMatch(at -> keptColumns.get(at).nullable()))
                    .findFirst().orElse(List.of());
        }
        TableInfo projected = new TableInfo(table.tableId(), table.name(), keptColumns, primaryKey, uniqueKey,
                uniqueKeys, table.schema());
        return Optional.of(new Projection(projected, Arrays.copyOf(kept, count)));
    }

    /** {@code key} in the projected positions, empty unless every one of its columns is kept. */
    private static List<Integer> remapped(List<Integer> key, int[] moved) {
        List<Integer> positions = new ArrayList<>(key.size());
        for (int column : key) {
            if (moved[column] < 0) {
                return List.of();
            }
            positions.add(moved[column]);
        }
        return positions;
    }

    private record Selector(TableFilter tables, ColumnFilter columns) {
    }

    private record Projection(TableInfo table, int[] kept) {
    }
}
