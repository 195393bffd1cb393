package io.cdc4j.codec.open;

import io.cdc4j.codec.GoJsonText;
import io.cdc4j.codec.MySqlColumnType;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableInfo;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What every open-protocol message of a table version shares: its columns in name order, their quoted names, their
 * TiDB type codes and TiCDC column flags, and which columns are the handle key.
 *
 * @param columns the columns, in row-image order
 * @param types each column's MySQL type
 * @param byName column positions sorted by column name, as TiCDC writes them
 */
record OpenTable(List<ColumnInfo> columns, List<MySqlColumnType> types, List<String> quotedNames, int[] byName,
                 int[] typeCodes, int[] flags, Set<Integer> handleKeys) {
    static final int BINARY = 0x01;
    static final int HANDLE_KEY = 0x02;
    static final int GENERATED = 0x04;
    static final int PRIMARY_KEY = 0x08;
    static final int UNIQUE_KEY = 0x10;
    static final int MULTIPLE_KEY = 0x20;
    static final int NULLABLE = 0x40;
    static final int UNSIGNED = 0x80;

    static OpenTable of(TableInfo table) {
        List<ColumnInfo> columns = table.columns();
        List<MySqlColumnType> types = columns.stream().map(column -> MySqlColumnType.of(table, column)).toList();
        List<String> names = columns.stream()
                .map(column -> GoJsonText.quote(new StringBuilder(), column.name()).toString()).toList();
        int[] byName = IntStream.range(0, columns.size()).boxed()
                .sorted(Comparator.comparing(i -> columns.get(i).name())).mapToInt(Integer::intValue).toArray();
        Set<Integer> handle = new HashSet<>(table.primaryKey().isEmpty() ? table.uniqueKey() : table.primaryKey());
        Set<Integer> unique = new HashSet<>();
        table.uniqueKeys().forEach(index -> unique.addAll(index.columns()));
        Set<Integer> multiple = new HashSet<>();
        table.schema().ifPresent(schema -> {
            for (IndexSchema index : schema.indexes()) {
                if (!index.primary() && !index.unique() && !index.columns().isEmpty()) {
                    int first = table.columnIndex(index.columns().getFirst());
                    if (first >= 0) {
                        multiple.add(first);
                    }
                }
            }
        });
        int[] codes = new int[columns.size()];
        int[] flags = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            MySqlColumnType type = types.get(i);
            codes[i] = OpenTypes.code(type.base());
            int flag = 0;
            if (OpenTypes.binaryCharset(type)) {
                flag |= BINARY;
            }
            if (column.generated()) {
                flag |= GENERATED;
            }
            if (table.primaryKey().contains(i)) {
                flag |= PRIMARY_KEY;
            }
            if (handle.contains(i)) {
                flag |= HANDLE_KEY;
            }
            if (unique.contains(i)) {
                flag |= UNIQUE_KEY;
            }
            if (multiple.contains(i)) {
                flag |= MULTIPLE_KEY;
            }
            if (column.nullable()) {
                flag |= NULLABLE;
            }
            if (type.unsigned() || type.base().equals("year") || type.base().equals("bit")) {
                flag |= UNSIGNED;
            }
            flags[i] = flag;
        }
        return new OpenTable(columns, types, names, byName, codes, flags, Set.copyOf(handle));
    }

    boolean handleKey(int column) {
        return handleKeys.contains(column);
    }
}
