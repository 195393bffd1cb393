package io.cdc4j.sink.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * The downstream database: a HikariCP pool of MariaDB Connector/J connections with the sink's session settings
 * (time zone, utf8mb4, foreign key checks off, READ COMMITTED, a sql_mode that accepts every upstream value), and
 * the time zone in which TIMESTAMP values are written.
 */
public final class Downstream implements AutoCloseable {
    /** No strict mode (zero dates are replicated as they are), and an explicit 0 is kept in AUTO_INCREMENT columns. */
    static final String SQL_MODE = "NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION";
    private static final Duration POOL_WAIT = Duration.ofSeconds(3);

    private final HikariDataSource pool;
    private final ZoneId sessionZone;

    /** A downstream over {@code pool}; {@link #open} makes one whose sessions are checked to work. */
    Downstream(HikariDataSource pool, ZoneId sessionZone) {
        this.pool = pool;
        this.sessionZone = sessionZone;
    }

    /**
     * Opens the pool for {@code connections} connections and checks that the downstream answers.
     *
     * @throws CdcException MYSQL_CONNECTION_ERROR when it cannot be reached, MYSQL_INVALID_CONFIG for a time zone it
     *                      does not know
     */
    static Downstream open(String name, MySqlSinkOptions options, int connections) {
        ZoneId zone;
        try (Connection connection = connect(options)) {
            zone = sessionZone(connection, options);
        } catch (SQLException e) {
            throw connectFailure(options, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl(options));
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionInitSql(sessionSql(options));
        try {
            return new Downstream(new HikariDataSource(config), zone);
        } catch (RuntimeException e) {
            throw new CdcException(ErrorCode.MYSQL_CONNECTION_ERROR, "cannot open connections to the downstream "
                    + options.address(), e);
        }
    }

    /**
     * Connects once and closes again, as checking a changefeed's sink does.
     *
     * @throws CdcException MYSQL_CONNECTION_ERROR or MYSQL_INVALID_CONFIG, with the downstream's message
     */
    static void probe(MySqlSinkOptions options) {
        try (Connection connection = connect(options)) {
            sessionZone(connection, options);
        } catch (SQLException e) {
            throw connectFailure(options, e);
        }
    }

    /**
     * One connection with the sink's session settings, not in auto-commit, for tools that write as the sink writes
     * ({@code cdc kafka-consumer}).
     *
     * @throws CdcException MYSQL_CONNECTION_ERROR or MYSQL_INVALID_CONFIG, with the downstream's message
     */
    public static Connection openSession(MySqlSinkOptions options) {
        try {
            Connection connection = connect(options);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw connectFailure(options, e);
        }
    }

    /** A pooled connection with the session settings, not in auto-commit. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The time zone the sessions use. */
    ZoneId sessionZone() {
        return sessionZone;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Connection connect(MySqlSinkOptions options) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", options.user());
        properties.setProperty("password", options.password());
        Connection connection = DriverManager.getConnection(jdbcUrl(options), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sessionSql(options));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static String jdbcUrl(MySqlSinkOptions options) {
        long socketTimeout = Math.max(options.readTimeout().toMillis(), options.writeTimeout().plusSeconds(5).toMillis());
        StringBuilder url = new StringBuilder("jdbc:mariadb://").append(options.host()).append(':')
                .append(options.port()).append("/?permitMysqlScheme&connectTimeout=").append(options.timeout().toMillis())
                .append("&socketTimeout=").append(socketTimeout)
                .append("&cachePrepStmts=").append(options.cachePreparedStatements())
                .append("&useBulkStmts=false")
                .append("&allowMultiQueries=").append(options.multiStatement());
        options.sslCa().ifPresent(ca -> {
            url.append("&sslMode=verify-ca&serverSslCert=").append(ca);
            options.sslCert().ifPresent(cert -> url.append("&clientSslCert=").append(cert));
            options.sslKey().ifPresent(key -> url.append("&clientSslKey=").append(key));
        });
        return url.toString();
    }

    /** The session settings every connection starts with. */
    static String sessionSql(MySqlSinkOptions options) {
        StringBuilder sql = new StringBuilder("SET NAMES utf8mb4, sql_mode = '").append(SQL_MODE)
                .append("', foreign_key_checks = 0");
        options.timeZone().ifPresent(zone -> sql.append(", time_zone = '").append(zoneName(zone)).append('\''));
        return sql.toString();
    }

    /** A fixed zone as an offset (which every server knows), a region by its name (which needs the zone tables). */
    static String zoneName(ZoneId zone) {
        if (zone.getRules().isFixedOffset()) {
            ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.EPOCH);
            return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        }
        return zone.getId();
    }

    /** The configured zone, or the downstream's own when the sink leaves the session's zone alone. */
    private static ZoneId sessionZone(Connection connection, MySqlSinkOptions options) throws SQLException {
        if (options.timeZone().isPresent()) {
            return options.timeZone().get();
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@session.time_zone, @@system_time_zone,"
                     + " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())")) {
            result.next();
            String session = result.getString(1);
            String name = "SYSTEM".equalsIgnoreCase(session) ? result.getString(2) : session;
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                return ZoneOffset.ofTotalSeconds(result.getInt(3));
            }
        }
    }

    private static CdcException connectFailure(MySqlSinkOptions options, SQLException e) {
        if (e.getErrorCode() == MySqlErrors.UNKNOWN_TIME_ZONE) {
            return new CdcException(ErrorCode.MYSQL_INVALID_CONFIG, "the downstream " + options.address()
                    + " does not know the time zone " + options.timeZone().map(ZoneId::getId).orElse("")
                    + " (load its time zone tables, or give time-zone as an offset such as +08:00)", e);
        }
        return new CdcException(ErrorCode.MYSQL_CONNECTION_ERROR, "cannot connect to the downstream "
                + options.address() + " (MySQL error " + e.getErrorCode() + ")", e);
    }
}
