package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One DML statement with its arguments in placeholder order: the values ({@code null} is SQL NULL, the JDBC view)
 * and the column each value belongs to, which decides how it is bound.
 */
record Dml(String sql, Object[] values, ColumnInfo[] columns, int rows) {
    Dml {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(columns, "columns");
        if (values.length != columns.length) {
            throw new IllegalArgumentException(values.length + " values for " + columns.length + " columns");
        }
    }

    /**
     * The statements as few multi-statements (joined by {@code ;}, their arguments in order), each of at most
     * {@code maxSqlChars} characters of SQL unless a single statement is longer: one round trip each, where the
     * downstream connection allows several statements per query.
     */
    static List<Dml> joined(List<Dml> statements, int maxSqlChars) {
        List<Dml> joined = new ArrayList<>();
        int from = 0;
        while (from < statements.size()) {
            int to = from + 1;
            long chars = statements.get(from).sql().length();
            while (to < statements.size() && chars + 1 + statements.get(to).sql().length() <= maxSqlChars) {
                chars += 1 + statements.get(to).sql().length();
                to++;
            }
            joined.add(to - from == 1 ? statements.get(from) : join(statements.subList(from, to)));
            from = to;
        }
        return joined;
    }

    private static Dml join(List<Dml> statements) {
        StringBuilder sql = new StringBuilder();
        int arguments = 0;
        int rows = 0;
        for (Dml dml : statements) {
            arguments += dml.values().length;
            rows += dml.rows();
        }
        Object[] values = new Object[arguments];
        ColumnInfo[] columns = new ColumnInfo[arguments];
        int at = 0;
        for (Dml dml : statements) {
            if (!sql.isEmpty()) {
                sql.append(';');
            }
            sql.append(dml.sql());
            System.arraycopy(dml.values(), 0, values, at, dml.values().length);
            System.arraycopy(dml.columns(), 0, columns, at, dml.columns().length);
            at += dml.values().length;
        }
        return new Dml(sql.toString(), values, columns, rows);
    }
}
