package io.cdc4j.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Compares one schema on two servers table by table, row by row (ordered by primary key), value by value. */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The first difference, described; empty when both sides hold the same tables and rows. */
    public static Optional<String> firstDifference(Connection upstream, Connection downstream, String schema)
            throws SQLException {
        List<String> tables = tables(upstream, schema);
        List<String> downstreamTables = tables(downstream, schema);
        if (!tables.equals(downstreamTables)) {
            return Optional.of("schema " + schema + " has tables " + tables + " upstream but " + downstreamTables
                    + " downstream");
        }
        for (String table : tables) {
            Optional<String> difference = tableDifference(upstream, downstream, schema, table);
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    /** The number of rows of a table. */
    public static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM"
                + " information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    private static Optional<String> tableDifference(Connection upstream, Connection downstream, String schema,
                                                    String table) throws SQLException {
        String order = String.join(", ", primaryKey(upstream, schema, table));
        String sql = "SELECT * FROM `" + schema + "`.`" + table + "` ORDER BY " + order;
        try (PreparedStatement up = upstream.prepareStatement(sql); PreparedStatement down =
                downstream.prepareStatement(sql); ResultSet left = up.executeQuery(); ResultSet right =
                down.executeQuery()) {
            ResultSetMetaData leftMeta = left.getMetaData();
            ResultSetMetaData rightMeta = right.getMetaData();
            List<String> leftColumns = columns(leftMeta);
            if (!leftColumns.equals(columns(rightMeta))) {
                return Optional.of(schema + "." + table + " has columns " + leftColumns + " upstream but "
                        + columns(rightMeta) + " downstream");
            }
            long row = 0;
            while (true) {
                boolean hasLeft = left.next();
                boolean hasRight = right.next();
                row++;
                if (!hasLeft && !hasRight) {
                    return Optional.empty();
                }
                if (hasLeft != hasRight) {
                    return Optional.of(schema + "." + table + " row " + row + " (ordered by " + order + ") exists only "
                            + (hasLeft ? "upstream: " + describe(left) : "downstream: " + describe(right)));
                }
                for (int c = 1; c <= leftColumns.size(); c++) {
                    Object a = value(left, c);
                    Object b = value(right, c);
                    if (!Objects.deepEquals(a, b)) {
                        return Optional.of(schema + "." + table + " row " + row + " (ordered by " + order
                                + ") differs in column " + leftColumns.get(c - 1) + ": upstream " + show(a)
                                + ", downstream " + show(b) + "\n  upstream row:   " + describe(left)
                                + "\n  downstream row: " + describe(right));
                    }
                }
            }
        }
    }

    private static List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> key = new ArrayList<>();
        try (ResultSet result = meta.getPrimaryKeys(schema, null, table)) {
            while (result.next()) {
                key.add("`" + result.getString("COLUMN_NAME") + "`");
            }
        }
        return key.isEmpty() ? List.of("1") : key;
    }

    private static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            names.add(meta.getColumnName(c));
        }
        return names;
    }

    private static String describe(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            values.add(show(value(result, c)));
        }
        return String.join(" | ", values);
    }

    /** Binary values as bytes, everything else as the server's text (which also holds zero dates and YEAR 0000). */
    private static Object value(ResultSet result, int column) throws SQLException {
        return switch (result.getMetaData().getColumnType(column)) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.BIT -> result.getBytes(column);
            default -> result.getString(column);
        };
    }

    private static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
