package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import io.cdc4j.sink.HandleKey;
import io.cdc4j.sink.TableTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a table transaction into DML as TiCDC's MySQL sink does for a MySQL/MariaDB downstream: folded rows are
 * grouped into multi-row DELETE by key, one UPDATE per row, then multi-row INSERT (REPLACE in safe mode), chunked
 * by max-txn-row; without batching, or for a table without a handle key, one statement per row in order. Generated
 * columns are never written (MySQL and TiDB refuse that with error 3105), and, as in TiCDC, a table without a handle
 * key matches rows on its other columns only, since a virtual column's value may not compare equal.
 */
final class DmlBuilder {
    private final int maxTxnRow;
    private final boolean batch;

    DmlBuilder(int maxTxnRow, boolean batch) {
        this.maxTxnRow = maxTxnRow;
        this.batch = batch;
    }

    /** The statements of {@code txn}, in execution order; {@code safe} writes replays harmlessly. */
    void build(TableTxn txn, boolean safe, Consumer<Dml> out) {
        if (!txn.keyed()) {
            for (RowChange row : txn.rows()) {
                rowStatements(row, txn.table(), safe, List.of(), out);
            }
            return;
        }
        List<Integer> key = HandleKey.columns(txn.table());
        if (!batch || txn.rows().size() == 1) {
            for (RowChange row : txn.rows()) {
                rowStatements(row, txn.table(), safe, key, out);
            }
            return;
        }
        List<RowImage> deletes = new ArrayList<>();
        List<RowChange> updates = new ArrayList<>();
        List<RowImage> inserts = new ArrayList<>();
        for (RowChange row : txn.rows()) {
            switch (row.kind()) {
                case DELETE -> deletes.add(row.before().orElseThrow());
                case UPDATE -> {
                    if (safe) {
                        inserts.add(row.after().orElseThrow());
                    } else {
                        updates.add(row);
                    }
                }
                case INSERT -> inserts.add(row.after().orElseThrow());
            }
        }
        for (int from = 0; from < deletes.size(); from += maxTxnRow) {
            out.accept(deleteByKey(txn.table(), key, deletes.subList(from, Math.min(deletes.size(), from + maxTxnRow))));
        }
        for (RowChange update : updates) {
            out.accept(update(txn.table(), key, update.before().orElseThrow(), update.after().orElseThrow()));
        }
        for (int from = 0; from < inserts.size(); from += maxTxnRow) {
            out.accept(insert(txn.table(), inserts.subList(from, Math.min(inserts.size(), from + maxTxnRow)), safe));
        }
    }

    private void rowStatements(RowChange row, TableInfo table, boolean safe, List<Integer> key, Consumer<Dml> out) {
        switch (row.kind()) {
            case INSERT -> out.accept(insert(table, List.of(row.after().orElseThrow()), safe));
            case DELETE -> out.accept(deleteRow(table, key, row.before().orElseThrow()));
            case UPDATE -> {
                if (safe && !key.isEmpty()) {
                    out.accept(deleteRow(table, key, row.before().orElseThrow()));
                    out.accept(insert(table, List.of(row.after().orElseThrow()), true));
                } else {
                    out.accept(update(table, key, row.before().orElseThrow(), row.after().orElseThrow()));
                }
            }
        }
    }

    /** {@code INSERT INTO t (c1,c2) VALUES (?,?),(?,?)}, or {@code REPLACE INTO} when {@code replace}. */
    static Dml insert(TableInfo table, List<RowImage> rows, boolean replace) {
        List<Integer> written = writtenColumns(table);
        int width = written.size();
        StringBuilder sql = new StringBuilder(64 + rows.size() * (width * 2 + 3));
        sql.append(replace ? "REPLACE INTO " : "INSERT INTO ").append(table.name()).append(" (");
        for (int c = 0; c < width; c++) {
            sql.append(c == 0 ? "" : ",").append(quote(table.columns().get(written.get(c)).name()));
        }
        sql.append(") VALUES ");
        Object[] values = new Object[rows.size() * width];
        ColumnInfo[] types = new ColumnInfo[values.length];
        int arg = 0;
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ",(");
            RowImage row = rows.get(r);
            for (int c = 0; c < width; c++) {
                sql.append(c == 0 ? "?" : ",?");
                values[arg] = row.value(written.get(c)).orElse(null);
                types[arg++] = table.columns().get(written.get(c));
            }
            sql.append(')');
        }
        return new Dml(sql.toString(), values, types, rows.size());
    }

    /** {@code DELETE FROM t WHERE k IN (?,?)}, or {@code WHERE (k1 = ? AND k2 = ?) OR (...)} for a composite key. */
    static Dml deleteByKey(TableInfo table, List<Integer> key, List<RowImage> rows) {
        StringBuilder sql = new StringBuilder(64 + rows.size() * 16).append("DELETE FROM ").append(table.name())
                .append(" WHERE ");
        Object[] values = new Object[rows.size() * key.size()];
        ColumnInfo[] types = new ColumnInfo[values.length];
        int arg = 0;
        if (key.size() == 1) {
            sql.append(quote(table.columns().get(key.getFirst()).name())).append(" IN (");
        }
        for (int r = 0; r < rows.size(); r++) {
            RowImage row = rows.get(r);
            if (key.size() == 1) {
                sql.append(r == 0 ? "?" : ",?");
            } else {
                sql.append(r == 0 ? "(" : " OR (");
                for (int k = 0; k < key.size(); k++) {
                    sql.append(k == 0 ? "" : " AND ").append(quote(table.columns().get(key.get(k)).name()))
                            .append(" = ?");
                }
                sql.append(')');
            }
            for (int column : key) {
                values[arg] = row.value(column).orElse(null);
                types[arg++] = table.columns().get(column);
            }
        }
        if (key.size() == 1) {
            sql.append(')');
        }
        return new Dml(sql.toString(), values, types, rows.size());
    }

    /** {@code DELETE FROM t WHERE k = ? LIMIT 1}; without a key, every column of the old image decides. */
    static Dml deleteRow(TableInfo table, List<Integer> key, RowImage before) {
        StringBuilder sql = new StringBuilder(64).append("DELETE FROM ").append(table.name());
        Where where = where(table, key, before);
        sql.append(where.sql()).append(" LIMIT 1");
        return new Dml(sql.toString(), where.values(), where.columns(), 1);
    }

    /** {@code UPDATE t SET c1 = ?, c2 = ? WHERE k = ? LIMIT 1}. */
    static Dml update(TableInfo table, List<Integer> key, RowImage before, RowImage after) {
        List<Integer> written = writtenColumns(table);
        StringBuilder sql = new StringBuilder(64 + written.size() * 12).append("UPDATE ").append(table.name())
                .append(" SET ");
        Where where = where(table, key, before);
        Object[] values = new Object[written.size() + where.values().length];
        ColumnInfo[] types = new ColumnInfo[values.length];
        for (int c = 0; c < written.size(); c++) {
            ColumnInfo column = table.columns().get(written.get(c));
            sql.append(c == 0 ? "" : ", ").append(quote(column.name())).append(" = ?");
            values[c] = after.value(written.get(c)).orElse(null);
            types[c] = column;
        }
        System.arraycopy(where.values(), 0, values, written.size(), where.values().length);
        System.arraycopy(where.columns(), 0, types, written.size(), where.columns().length);
        sql.append(where.sql()).append(" LIMIT 1");
        return new Dml(sql.toString(), values, types, 1);
    }

    /** The columns a statement writes: all but the generated ones. */
    private static List<Integer> writtenColumns(TableInfo table) {
        List<Integer> columns = new ArrayList<>(table.columns().size());
        for (int c = 0; c < table.columns().size(); c++) {
            if (!table.columns().get(c).generated()) {
                columns.add(c);
            }
        }
        return columns;
    }

    /** A WHERE clause on the key columns (without a key, all but generated columns); NULLs compare with IS NULL. */
    private static Where where(TableInfo table, List<Integer> key, RowImage image) {
        List<Integer> columns = key.isEmpty() ? writtenColumns(table) : key;
        StringBuilder sql = new StringBuilder(" WHERE ");
        List<Object> values = new ArrayList<>(columns.size());
        List<ColumnInfo> types = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int column = columns.get(i);
            ColumnInfo info = table.columns().get(column);
            sql.append(i == 0 ? "" : " AND ").append(quote(info.name()));
            if (image.isNull(column)) {
                sql.append(" IS NULL");
            } else {
                sql.append(" = ?");
                values.add(image.value(column).orElseThrow());
                types.add(info);
            }
        }
        return new Where(sql.toString(), values.toArray(), types.toArray(ColumnInfo[]::new));
    }

    /** A back-quoted identifier, back quotes doubled. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private record Where(String sql, Object[] values, ColumnInfo[] columns) {
    }
}
