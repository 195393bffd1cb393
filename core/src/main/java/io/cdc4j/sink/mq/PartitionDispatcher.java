package io.cdc4j.sink.mq;

import io.cdc4j.codec.MySqlColumnType;
import io.cdc4j.codec.TiCdcValues;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableSchema;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the partition of a row's message as TiCDC's dispatchers do ({@code sink.dispatchers[].partition}), with the
 * key string TiCDC gives it: by table, by commit ts, by the handle key's (or a named unique index's) values, or by
 * listed columns. Rows are hashed with {@link PositionInertia} over the new image (the old one for a delete).
 */
public sealed interface PartitionDispatcher {
    /** The partition (0 to {@code partitions} - 1) and key of a row's message. */
    Dispatch dispatch(RowChange row, int partitions);

    /**
     * Where a row's message goes.
     *
     * @param partition the partition number
     * @param key the key string TiCDC gives it (a Pulsar message key)
     */
    record Dispatch(int partition, String key) {
    }

    /** {@code table} (and {@code default}): every row of a table to one partition. */
    record ByTable() implements PartitionDispatcher {
        @Override
        public Dispatch dispatch(RowChange row, int partitions) {
            TableInfo table = row.table();
            long hash = new PositionInertia().write(table.name().schema(), table.name().table()).value();
            return new Dispatch((int) (hash % partitions), table.name().schema() + "." + table.name().table());
        }
    }

    /** {@code ts}: by commit ts. */
    record ByCommitTs() implements PartitionDispatcher {
        @Override
        public Dispatch dispatch(RowChange row, int partitions) {
            return new Dispatch((int) Long.remainderUnsigned(row.commitTs(), partitions),
                    Long.toUnsignedString(row.commitTs()));
        }
    }

    /**
     * {@code index-value}: by the values of the handle key (the primary key, else the NOT NULL unique index with
     * the fewest columns, the first defined on a tie), or of the unique index {@code index} names.
     */
    record ByIndexValue(Optional<String> index, ZoneId timeZone) implements PartitionDispatcher {
        @Override
        public Dispatch dispatch(RowChange row, int partitions) {
            TableInfo table = row.table();
            List<Integer> columns = index.isPresent() ? namedIndex(table, index.get()) : handleKey(table);
            return byValues(row, columns, partitions, new TiCdcValues(timeZone));
        }
    }

    /** {@code columns}: by the values of the listed columns. */
    record ByColumns(List<String> columns, ZoneId timeZone) implements PartitionDispatcher {
        public ByColumns {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("the columns dispatcher needs columns");
            }
        }

        @Override
        public Dispatch dispatch(RowChange row, int partitions) {
            TableInfo table = row.table();
            List<Integer> positions = new ArrayList<>();
            for (String column : columns) {
                int at = table.columnIndex(column);
                if (at < 0) {
                    throw new CdcException(ErrorCode.DISPATCHER_FAILED, "the columns dispatcher of " + table.name()
                            + " names column " + column + ", which the table does not have (its columns: "
                            + table.columns().stream().map(ColumnInfo::name).toList() + ")");
                }
                positions.add(at);
            }
            return byValues(row, positions, partitions, new TiCdcValues(timeZone));
        }
    }

    private static Dispatch byValues(RowChange row, List<Integer> columns, int partitions, TiCdcValues values) {
        TableInfo table = row.table();
        RowImage image = row.after().or(row::before).orElseThrow();
        PositionInertia hash = new PositionInertia().write(table.name().schema(), table.name().table());
        for (int at : columns) {
            ColumnInfo column = table.columns().get(at);
            Object value = image.value(at).orElse(null);
            byte[] name = column.name().getBytes(StandardCharsets.UTF_8);
            if (value instanceof byte[] bytes) {
                hash.write(name, bytes);
            } else {
                String text = value == null ? "null" : values.text(column, MySqlColumnType.of(table, column), value);
                hash.write(name, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        long h = hash.value();
        return new Dispatch((int) (h % partitions), Long.toString(h));
    }

    /** The handle key's columns, as TiCDC picks it; virtual generated columns never count. */
    private static List<Integer> handleKey(TableInfo table) {
        if (!table.primaryKey().isEmpty()) {
            return table.primaryKey();
        }
        Optional<TableSchema> version = table.schema();
        if (version.isPresent()) {
            Optional<IndexSchema> fewest = version.get().uniqueKeys().stream()
                    .filter(index -> index.columns().stream().allMatch(name -> version.get().column(name)
                            .map(column -> !column.nullable() && !column.generated()).orElse(false)))
                    .min(Comparator.comparingInt(index -> index.columns().size()));
            if (fewest.isPresent()) {
                return positions(table, fewest.get());
            }
        }
        return table.uniqueKey();
    }

    private static List<Integer> namedIndex(TableInfo table, String name) {
        IndexSchema index = table.schema().flatMap(version -> version.index(name))
                .filter(IndexSchema::unique)
                .orElseThrow(() -> new CdcException(ErrorCode.DISPATCHER_FAILED, "the index-value dispatcher of "
                        + table.name() + " names index " + name + ", which is not a unique index of the table"));
        return positions(table, index);
    }

    private static List<Integer> positions(TableInfo table, IndexSchema index) {
        List<Integer> positions = new ArrayList<>();
        for (String column : index.columns()) {
            int at = table.columnIndex(column);
            if (at >= 0 && !table.schema().flatMap(v -> v.column(column)).map(ColumnSchema::generated)
                    .orElse(false)) {
                positions.add(at);
            }
        }
        return positions;
    }
}
