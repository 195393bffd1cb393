package io.cdc4j.consumer;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.RowKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies changes in commit order to a MySQL-compatible downstream, replay-safe as TiCDC's safe mode is: an insert or
 * update writes the whole new row with {@code REPLACE}, a delete removes the row by its key (by every column, one row,
 * for a table without a key); consecutive rows are committed together, and a DDL runs on its own in the database it
 * ran in upstream.
 */
public final class MySqlWriter implements AutoCloseable {
    private static final int UNKNOWN_DATABASE = 1049;
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob");
    private static final Set<String> NUMBERED = Set.of("bit", "enum", "set", "year");

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long rows;
    private long ddls;

    /** @param connection a session in the sink's settings, not in auto-commit; closed with the writer */
    public MySqlWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Applies {@code changes} (rows and DDLs, in commit order).
     *
     * @throws CdcException MYSQL_TXN_ERROR or MYSQL_QUERY_ERROR with the downstream's message; what was not
     *                      committed is rolled back
     */
    public void apply(List<Change> changes) {
        boolean open = false;
        try {
            for (Change change : changes) {
                switch (change) {
                    case Change.Row row -> {
                        write(row);
                        open = true;
                    }
                    case Change.Ddl ddl -> {
                        if (open) {
                            connection.commit();
                            open = false;
                        }
                        run(ddl);
                    }
                    case Change.Watermark ignored -> {
                    }
                }
            }
            if (open) {
                connection.commit();
            }
        } catch (SQLException e) {
            rollback();
            throw new CdcException(ErrorCode.MYSQL_TXN_ERROR, "writing to the downstream failed (MySQL error "
                    + e.getErrorCode() + "): " + e.getMessage(), e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** DDLs run so far. */
    public long ddls() {
        return ddls;
    }

    private void write(Change.Row row) throws SQLException {
        String table = quote(row.schema()) + "." + quote(row.table());
        List<Change.Column> columns = row.columns();
        if (row.kind() == RowKind.DELETE) {
            List<Change.Column> where = row.keyColumns().isEmpty() ? columns : columns.stream()
                    .filter(column -> row.keyColumns().contains(column.name())).toList();
            String operator = row.keyColumns().isEmpty() ? " <=> ?" : " = ?";
            String sql = "DELETE FROM " + table + " WHERE " + where.stream().map(c -> quote(c.name()) + operator)
                    .collect(Collectors.joining(" AND ")) + (row.keyColumns().isEmpty() ? " LIMIT 1" : "");
            execute(sql, where);
        } else {
            String sql = "REPLACE INTO " + table + " (" + columns.stream().map(c -> quote(c.name()))
                    .collect(Collectors.joining(", ")) + ") VALUES (" + columns.stream().map(c -> "?")
                    .collect(Collectors.joining(", ")) + ")";
            execute(sql, columns);
        }
        rows++;
    }

    private void execute(String sql, List<Change.Column> values) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
        statement.executeUpdate();
    }

    private static void bind(PreparedStatement statement, int index, Change.Column column) throws SQLException {
        String value = column.value();
        if (value == null) {
            statement.setObject(index, null);
            return;
        }
        String base = baseType(column.mysqlType());
        if (BINARY.contains(base)) {
            statement.setBytes(index, value.getBytes(StandardCharsets.ISO_8859_1));
        } else if (NUMBERED.contains(base)) {
            statement.setBigDecimal(index, new BigDecimal(value));
        } else {
            statement.setString(index, value);
        }
    }

    /** {@code int}, {@code bigint unsigned}, {@code varchar(20)} ... as the bare type name. */
    static String baseType(String mysqlType) {
        String lower = mysqlType.toLowerCase(Locale.ROOT).trim();
        int end = lower.length();
        for (char stop : new char[] {' ', '('}) {
            int at = lower.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return lower.substring(0, end);
    }

    private void run(Change.Ddl ddl) throws SQLException {
        closeStatements();
        try (Statement statement = connection.createStatement()) {
            if (!ddl.schema().isEmpty()) {
                try {
                    statement.execute("USE " + quote(ddl.schema()));
                } catch (SQLException e) {
                    if (e.getErrorCode() != UNKNOWN_DATABASE) {
                        throw e;
                    }
                }
            }
            statement.execute(ddl.query());
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new CdcException(ErrorCode.MYSQL_QUERY_ERROR, "the DDL at commit ts " + ddl.ts() + " failed on the"
                    + " downstream (MySQL error " + e.getErrorCode() + "): " + e.getMessage() + "; the DDL was: "
                    + ddl.query(), e);
        }
        ddls++;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the caller reports the first failure
        }
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
    }

    @Override
    public void close() {
        try {
            closeStatements();
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing more will be written
        }
    }
}
