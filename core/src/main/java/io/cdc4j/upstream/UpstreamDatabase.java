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
    /** ER_NO_SUCH_TABLE: the table is gone. */
    private static final int NO_SUCH_TABLE = 1146;

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
        return isMariaDb(variable("version").orElse(""));
    }

    private static boolean isMariaDb(String version) {
        return version.toLowerCase(Locale.ROOT).contains("mariadb");
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
        return List.copyOf(binaryLogSizes().keySet());
    }

    /** The size in bytes of {@code file} now (for the newest file: where the binlog ends now). */
    public long binaryLogSize(String file) {
        Long size = binaryLogSizes().get(file);
        if (size == null) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the upstream no longer lists binlog " + file);
        }
        return size;
    }

    /** SHOW BINARY LOGS: each file the upstream keeps, oldest first, with its size. */
    private Map<String, Long> binaryLogSizes() {
        return query(() -> {
            Map<String, Long> files = new LinkedHashMap<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
                while (rows.next()) {
                    files.put(rows.getString(1), rows.getLong(2));
                }
            }
            return files;
        }, "list binary logs");
    }

    /** The current end of the binlog: file and position of the next event to be written. */
    public BinlogCoordinates binlogEnd() {
        String version = variable("version").orElse("");
        return binlogStatus(version, isMariaDb(version)).at();
    }

    /**
     * The current end of the binlog with the GTID position that goes with it: on MySQL the status row's
     * Executed_Gtid_Set, on MariaDB {@code BINLOG_GTID_POS} of those coordinates (so no transaction committed
     * between two reads falls on the wrong side).
     */
    public BinlogEnd binlogEndWithGtids() {
        String version = variable("version").orElse("");
        boolean mariaDb = isMariaDb(version);
        BinlogEnd end = binlogStatus(version, mariaDb);
        return mariaDb ? new BinlogEnd(end.at(), mariaDbGtidPosition(end.at()).orElse("")) : end;
    }

    /** The binlog status row: its coordinates and, on MySQL, its Executed_Gtid_Set (empty on MariaDB). */
    private BinlogEnd binlogStatus(String version, boolean mariaDb) {
        String sql = UpstreamQueries.binlogStatus(version);
        return query(() -> {
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE,
                            "the upstream has no binlog: start it with log_bin (e.g. --log-bin)");
                }
                BinlogCoordinates at = new BinlogCoordinates(rows.getString(1), rows.getLong(2));
                String gtids = mariaDb || rows.getMetaData().getColumnCount() < 5 ? "" : rows.getString(5);
                return new BinlogEnd(at, gtids == null ? "" : gtids);
            }
        }, "read the binlog position");
    }

    /** MariaDB's GTID position just before the event at {@code at} ({@code BINLOG_GTID_POS}); empty on MySQL. */
    public Optional<String> gtidPositionAt(BinlogCoordinates at) {
        return isMariaDb() ? mariaDbGtidPosition(at) : Optional.empty();
    }

    private Optional<String> mariaDbGtidPosition(BinlogCoordinates at) {
        return query(() -> {
            try (PreparedStatement statement = connection().prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
                statement.setString(1, at.file());
                statement.setLong(2, at.position());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
                }
            }
        }, "read the GTID position at " + at.file() + ":" + at.position());
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

    /** Collation ids to charset and collation names, as the upstream defines them. */
    public CollationCharsets collations() {
        return query(() -> {
            Map<Integer, String> charsets = new HashMap<>();
            Map<Integer, String> names = new HashMap<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(UpstreamQueries.COLLATIONS)) {
                while (rows.next()) {
                    charsets.put(rows.getInt(1), rows.getString(2));
                    names.put(rows.getInt(1), rows.getString(3));
                }
            }
            return new CollationCharsets(charsets, names);
        }, "read the collations");
    }

    /**
     * The table's {@code SHOW CREATE TABLE}; empty when the table is gone.
     */
    public Optional<String> showCreateTable(TableName table) {
        return query(() -> {
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + table)) {
                return rows.next() ? Optional.of(rows.getString(2)) : Optional.<String>empty();
            } catch (SQLException e) {
                if (e.getErrorCode() == NO_SUCH_TABLE) {
                    return Optional.<String>empty();
                }
                throw e;
            }
        }, "read the definition of " + table);
    }

    /**
     * JSON and generated columns and the unique indexes of a table, from information_schema; NONE if the table is
     * gone. A unique index with a functional key part (MySQL) is left out: its values are not in the row image.
     */
    public ColumnHints columnHints(String schema, String table) {
        boolean mariaDb = isMariaDb();
        return query(() -> {
            Set<String> json = new HashSet<>();
            Set<String> generated = new HashSet<>();
            try (PreparedStatement statement = tableQuery(UpstreamQueries.COLUMNS, schema, table);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!sameTable(rows, 4, schema, table)) {
                        continue;
                    }
                    if ("json".equalsIgnoreCase(rows.getString(2))) {
                        json.add(rows.getString(1));
                    }
                    String expression = rows.getString(3);
                    if (expression != null && !expression.isEmpty()) {
                        generated.add(rows.getString(1));
                    }
                }
            }
            if (mariaDb) {
                try (PreparedStatement statement = tableQuery(UpstreamQueries.MARIADB_JSON_CHECKS, schema, table);
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (!sameTable(rows, 3, schema, table)) {
                            continue;
                        }
                        String clause = rows.getString(2).replace(" ", "").toLowerCase(Locale.ROOT);
                        String column = rows.getString(1);
                        if (clause.equals("json_valid(`" + column.toLowerCase(Locale.ROOT) + "`)")) {
                            json.add(column);
                        }
                    }
                }
            }
            return new ColumnHints(json, generated, uniqueIndexes(schema, table));
        }, "read the columns of " + schema + "." + table);
    }

    private List<ColumnHints.Index> uniqueIndexes(String schema, String table) throws SQLException {
        Map<String, IndexRows> indexes = new LinkedHashMap<>();
        try (PreparedStatement statement = tableQuery(UpstreamQueries.UNIQUE_INDEXES, schema, table);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!sameTable(rows, 5, schema, table)) {
                    continue;
                }
                IndexRows index = indexes.computeIfAbsent(rows.getString(1), name -> new IndexRows());
                String column = rows.getString(2);
                long prefix = rows.getLong(3);
                index.functional |= column == null;
                index.nullable |= "YES".equalsIgnoreCase(rows.getString(4));
                index.columns.add(column);
                index.prefixes.add((int) prefix);
            }
        }
        List<ColumnHints.Index> result = new ArrayList<>();
        indexes.forEach((name, index) -> {
            if (!name.equals("PRIMARY") && !index.functional) {
                result.add(new ColumnHints.Index(name, index.columns, index.prefixes, index.nullable));
            }
        });
        return result;
    }

    /** The rows of one index read so far. */
    private static final class IndexRows {
        private final List<String> columns = new ArrayList<>();
        private final List<Integer> prefixes = new ArrayList<>();
        private boolean nullable;
        private boolean functional;
    }

    /**
     * Whether the row's schema and table (at columns {@code first} and {@code first + 1}) are exactly the ones asked
     * for: information_schema compares names case-insensitively on MariaDB, so {@code d.foo} answers for
     * {@code d.Foo} too.
     */
    private static boolean sameTable(ResultSet rows, int first, String schema, String table) throws SQLException {
        return schema.equals(rows.getString(first)) && table.equals(rows.getString(first + 1));
    }

    private PreparedStatement tableQuery(String sql, String schema, String table) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        statement.setString(1, schema);
        statement.setString(2, table);
        return statement;
    }

    /**
     * Every base table of the upstream (no views, no sequences), with whether it has a primary key or a
     * unique key whose columns are all NOT NULL (what TiCDC calls a handle key). Keys are matched to tables
     * here, by exact name: information_schema compares names case-insensitively on MariaDB, and its subquery
     * cache would give {@code d.foo} the answer computed for {@code d.Foo}.
     */
    public List<UpstreamTable> tables() {
        return query(() -> {
            Map<TableName, Map<String, Boolean>> uniqueKeysNotNull = new HashMap<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(UpstreamQueries.UNIQUE_INDEX_NULLABILITY)) {
                while (rows.next()) {
                    uniqueKeysNotNull.computeIfAbsent(new TableName(rows.getString(1), rows.getString(2)),
                            name -> new HashMap<>()).merge(rows.getString(3), !"YES".equals(rows.getString(4)),
                            Boolean::logicalAnd);
                }
            }
            List<UpstreamTable> tables = new ArrayList<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(UpstreamQueries.TABLES)) {
                while (rows.next()) {
                    TableName name = new TableName(rows.getString(1), rows.getString(2));
                    boolean handleKey = uniqueKeysNotNull.getOrDefault(name, Map.of()).containsValue(true);
                    tables.add(new UpstreamTable(name, handleKey));
                }
            }
            return tables;
        }, "list the tables");
    }

    /** The names of every base table of the upstream (no views, no sequences), without reading their keys. */
    public List<TableName> baseTables() {
        return query(() -> {
            List<TableName> tables = new ArrayList<>();
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery(UpstreamQueries.TABLES)) {
                while (rows.next()) {
                    tables.add(new TableName(rows.getString(1), rows.getString(2)));
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
