package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.TableName;
import io.cdc4j.upstream.decode.CollationCharsets;
import io.cdc4j.upstream.decode.ColumnHints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SQL side of the upstream: settings, grants, binlog files, clock and table details, over JDBC. */
public final class UpstreamDatabase implements AutoCloseable {
    private final UpstreamConfig config;
    private Connection connection;

    private UpstreamDatabase(UpstreamConfig config, Connection connection) {
        this.config = config;
        this.connection = connection;
    }

    /**
     * Connects; a refusal by the server (with its code) or an unreachable host give UPSTREAM_CONNECTION naming the
     * cause.
     */
    public static UpstreamDatabase connect(UpstreamConfig config) {
        return new UpstreamDatabase(config, open(config));
    }

    private static Connection open(UpstreamConfig config) {
        try {
            return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        } catch (SQLException e) {
            throw new CdcException(ErrorCode.UPSTREAM_CONNECTION,
                    "cannot connect to the upstream " + config + ": " + JdbcConnectErrors.explain(e, config), e);
        }
    }

    /** A server variable (e.g. {@code binlog_format}), empty if the server has no such variable. */
    public Optional<String> variable(String name) {
        return query(() -> {
            try (PreparedStatement statement = connection().prepareStatement("SHOW GLOBAL VARIABLES LIKE ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(2)) : Optional.<String>empty();
                }
            }
        }, "read variable " + name);
    }

    /** Whether the upstream is MariaDB (as opposed to MySQL). */
    public boolean isMariaDb() {
        return variable("version").orElse("").toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** The lines of SHOW GRANTS for the connected user. */
    public List<String> grants() throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement statement = connection().createStatement();
             ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
        }
        return grants;
    }

    /** The binlog files the upstream keeps, oldest first. */
    public List<String> binaryLogs() {
        return query(() -> {
            List<String> files = new ArrayList<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
                while (rows.next()) {
                    files.add(rows.getString(1));
                }
            }
            return files;
        }, "list binary logs");
    }

    /** The current end of the binlog: file and position of the next event to be written. */
    public BinlogCoordinates binlogEnd() {
        return query(() -> {
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("SHOW MASTER STATUS")) {
                if (!rows.next()) {
                    throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE,
                            "the upstream has no binlog: start it with log_bin (e.g. --log-bin)");
                }
                return new BinlogCoordinates(rows.getString(1), rows.getLong(2));
            }
        }, "read the binlog position");
    }

    /** The upstream's current time in ms since the epoch. */
    public long nowMillis() {
        return query(() -> {
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("SELECT UNIX_TIMESTAMP(NOW(3)) * 1000")) {
                rows.next();
                return rows.getBigDecimal(1).longValue();
            }
        }, "read the upstream clock");
    }

    /** Collation ids to charset names, as the upstream defines them. */
    public CollationCharsets collations() {
        return query(() -> {
            Map<Integer, String> map = new HashMap<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT ID, CHARACTER_SET_NAME FROM information_schema.COLLATIONS WHERE ID IS NOT NULL")) {
                while (rows.next()) {
                    map.put(rows.getInt(1), rows.getString(2));
                }
            }
            return new CollationCharsets(map);
        }, "read the collations");
    }

    /** JSON columns and a NOT NULL unique key of a table, from information_schema; NONE if the table is gone. */
    public ColumnHints columnHints(String schema, String table) {
        return query(() -> {
            Set<String> json = new HashSet<>();
            try (PreparedStatement statement = connection().prepareStatement(
                    "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                            + " AND DATA_TYPE = 'json'")) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        json.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement statement = connection().prepareStatement(
                    "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String clause = rows.getString(2).replace(" ", "").toLowerCase(Locale.ROOT);
                        String column = rows.getString(1);
                        if (clause.equals("json_valid(`" + column.toLowerCase(Locale.ROOT) + "`)")) {
                            json.add(column);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!isMariaDb()) {
                    throw e;
                }
            }
            Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();
            try (PreparedStatement statement = connection().prepareStatement(
                    "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS s WHERE TABLE_SCHEMA = ?"
                            + " AND TABLE_NAME = ? AND NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY'"
                            + " AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS n"
                            + " WHERE n.TABLE_SCHEMA = s.TABLE_SCHEMA AND n.TABLE_NAME = s.TABLE_NAME"
                            + " AND n.INDEX_NAME = s.INDEX_NAME AND n.NULLABLE = 'YES')"
                            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        uniqueKeys.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
            List<String> uniqueKey = uniqueKeys.values().stream().findFirst().orElse(List.of());
            return new ColumnHints(json, uniqueKey);
        }, "read the columns of " + schema + "." + table);
    }

    /**
     * Every base table of the upstream (no views, no sequences), with whether it has a primary key or a
     * unique key whose columns are all NOT NULL (what TiCDC calls a handle key).
     */
    public List<UpstreamTable> tables() {
        return query(() -> {
            List<UpstreamTable> tables = new ArrayList<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, EXISTS (SELECT 1 FROM information_schema.STATISTICS s"
                                 + " WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME"
                                 + " AND s.NON_UNIQUE = 0 GROUP BY s.INDEX_NAME"
                                 + " HAVING SUM(s.NULLABLE = 'YES') = 0) AS HAS_HANDLE_KEY"
                                 + " FROM information_schema.TABLES t WHERE t.TABLE_TYPE = 'BASE TABLE'"
                                 + " ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME")) {
                while (rows.next()) {
                    tables.add(new UpstreamTable(new TableName(rows.getString(1), rows.getString(2)),
                            rows.getBoolean(3)));
                }
            }
            return tables;
        }, "list the tables");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CdcException(ErrorCode.UPSTREAM_CONNECTION, "closing the upstream connection failed", e);
        }
    }

    private Connection connection() throws SQLException {
        if (!connection.isValid(2)) {
            connection.close();
            connection = open(config);
        }
        return connection;
    }

    private <T> T query(SqlCall<T> call, String what) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new CdcException(ErrorCode.UPSTREAM_CONNECTION, "cannot " + what + " on the upstream " + config, e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}
