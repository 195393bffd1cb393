package io.cdc4j.sink.mysql;

import io.cdc4j.config.MySqlConfig;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.SinkParams;
import io.cdc4j.sink.SinkUri;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every setting of the MySQL sink, read from a {@code mysql://}, {@code mysql+ssl://}, {@code tidb://} or
 * {@code tidb+ssl://} URI (which wins) and the changefeed's {@code sink.mysql-config}, with TiCDC's defaults and limits.
 * TiCDC's parameters this sink does not act on ({@code max-multi-update-row}, {@code max-multi-update-row-size},
 * {@code tidb-txn-mode}, {@code has-vector-type}, {@code transaction-atomicity}) are accepted only at their defaults.
 *
 * @param host downstream host
 * @param port downstream port (TiCDC's default 4000)
 * @param user user (default root)
 * @param password password (may be empty)
 * @param workerCount parallel writers, each with its own connection
 * @param maxTxnRow rows a worker gathers into one downstream transaction; chunk size of multi-row INSERT/DELETE
 * @param safeMode always REPLACE and split updates, not only for replays after a start
 * @param sslCa CA file; TLS is on only when it is given
 * @param sslCert client certificate file
 * @param sslKey client key file
 * @param timeZone the session time zone: a zone, or empty to keep the downstream's own
 * @param readTimeout socket read timeout
 * @param writeTimeout statement write timeout
 * @param timeout connect (dial) timeout
 * @param batchDml multi-row INSERT and DELETE for transactions of more than one row
 * @param multiStatement a worker sends the statements of one downstream transaction in one round trip (TiCDC's
 *                       default); {@code false} sends one statement per round trip
 * @param cachePreparedStatements keep prepared statements per connection
 */
public record MySqlSinkOptions(String host, int port, String user, String password, int workerCount, int maxTxnRow,
                               boolean safeMode, Optional<String> sslCa, Optional<String> sslCert,
                               Optional<String> sslKey, Optional<ZoneId> timeZone, Duration readTimeout,
                               Duration writeTimeout, Duration timeout, boolean batchDml, boolean multiStatement,
                               boolean cachePreparedStatements) {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSinkOptions.class);

    /** The URI schemes of this sink. */
    public static final Set<String> SCHEMES = Set.of("mysql", "mysql+ssl", "tidb", "tidb+ssl");
    static final int DEFAULT_PORT = 4000;
    static final int DEFAULT_WORKER_COUNT = 16;
    static final int MAX_WORKER_COUNT = 1024;
    static final int DEFAULT_MAX_TXN_ROW = 256;
    static final int MAX_MAX_TXN_ROW = 2048;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> PARAMETERS = Set.of("worker-count", "max-txn-row", "max-multi-update-row",
            "max-multi-update-row-size", "safe-mode", "tidb-txn-mode", "ssl-ca", "ssl-cert", "ssl-key", "time-zone",
            "read-timeout", "write-timeout", "timeout", "batch-dml-enable", "multi-stmt-enable", "cache-prep-stmts",
            "has-vector-type", "transaction-atomicity");
    private static final Set<String> TXN_MODES = Set.of("optimistic", "pessimistic");
    private static final String ONE_UPDATE_PER_ROW = "the MySQL sink writes one UPDATE statement per row";

    public MySqlSinkOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sslCa, "sslCa");
        Objects.requireNonNull(sslCert, "sslCert");
        Objects.requireNonNull(sslKey, "sslKey");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (workerCount < 1 || maxTxnRow < 1) {
            throw new IllegalArgumentException("MySQL sink sizes must be positive");
        }
    }

    /**
     * Reads the options of a sink URI alone (what is checked when a changefeed is created).
     *
     * @throws CdcException SINK_URI_INVALID naming the parameter that is unknown, malformed, or set to a value this sink
     *                      does not act on yet
     */
    public static MySqlSinkOptions of(SinkUri uri) {
        return of(uri, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads the options of a sink URI and a changefeed's config; URI parameters win over the config's twins.
     *
     * @throws CdcException SINK_URI_INVALID as {@link #of(SinkUri)}, also for a twin (of a changefeed stored before
     *                      cdc4j refused it) set to a value this sink does not act on yet
     */
    public static MySqlSinkOptions of(SinkUri uri, ReplicaConfig config) {
        return of(uri, config.sink().mysqlConfig(), config.sink().safeMode(), config.sink().transactionAtomicity());
    }

    private static MySqlSinkOptions of(SinkUri uri, Optional<MySqlConfig> twins, Optional<Boolean> configSafeMode,
            Optional<String> configAtomicity) {
        if (!SCHEMES.contains(uri.scheme())) {
            throw invalid("the scheme " + uri.scheme() + " is not a MySQL sink scheme");
        }
        Map<String, String> params = uri.params();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw invalid("unknown parameter " + name + " (known: " + PARAMETERS.stream().sorted().toList() + ")");
            }
        }
        URI parsed = parseUri(uri.raw());
        String host = Optional.ofNullable(parsed.getHost()).filter(h -> !h.isEmpty())
                .orElseThrow(() -> invalid("the URI names no host (expected mysql://USER:PASS@HOST:PORT/)"));
        int port = parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort();
        String userInfo = Optional.ofNullable(parsed.getRawUserInfo()).orElse("");
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        MySqlConfig config = twins.orElse(null);
        SinkParams read = new SinkParams("MySQL sink", params);
        int workers = read.intParam("worker-count", config == null ? Optional.empty() : config.workerCount(),
                DEFAULT_WORKER_COUNT, 1, MAX_WORKER_COUNT);
        int maxTxnRow = read.intParam("max-txn-row", config == null ? Optional.empty() : config.maxTxnRow(),
                DEFAULT_MAX_TXN_ROW, 1, MAX_MAX_TXN_ROW);
        int maxUpdateRow = read.intParam("max-multi-update-row",
                config == null ? Optional.empty() : config.maxMultiUpdateRowCount(),
                MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_COUNT, 1, Integer.MAX_VALUE);
        read.requireDefault("max-multi-update-row", "[sink.mysql-config] max-multi-update-row", maxUpdateRow,
                MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_COUNT, ONE_UPDATE_PER_ROW);
        int maxUpdateSize = read.intParam("max-multi-update-row-size",
                config == null ? Optional.empty() : config.maxMultiUpdateRowSize(),
                MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_SIZE, 0, Integer.MAX_VALUE);
        read.requireDefault("max-multi-update-row-size", "[sink.mysql-config] max-multi-update-row-size",
                maxUpdateSize, MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_SIZE, ONE_UPDATE_PER_ROW);
        boolean safeMode = read.boolParam("safe-mode", configSafeMode, false);
        String txnMode = read.text("tidb-txn-mode", config == null ? Optional.empty() : config.tidbTxnMode())
                .map(mode -> mode.toLowerCase(Locale.ROOT)).orElse(MySqlConfig.DEFAULT_TIDB_TXN_MODE);
        if (!TXN_MODES.contains(txnMode)) {
            LOG.warn("MySQL sink: tidb-txn-mode {} is neither optimistic nor pessimistic; optimistic is used", txnMode);
            txnMode = MySqlConfig.DEFAULT_TIDB_TXN_MODE;
        }
        read.requireDefault("tidb-txn-mode", "[sink.mysql-config] tidb-txn-mode", txnMode,
                MySqlConfig.DEFAULT_TIDB_TXN_MODE, "the MySQL sink never sets tidb_txn_mode on the downstream");
        Optional<String> sslCa = read.text("ssl-ca", config == null ? Optional.empty() : config.sslCa())
                .filter(s -> !s.isEmpty());
        Optional<String> sslCert = read.text("ssl-cert", config == null ? Optional.empty() : config.sslCert())
                .filter(s -> !s.isEmpty());
        Optional<String> sslKey = read.text("ssl-key", config == null ? Optional.empty() : config.sslKey())
                .filter(s -> !s.isEmpty());
        Optional<ZoneId> zone = timeZone(read.text("time-zone", config == null ? Optional.empty() : config.timeZone()));
        Duration readTimeout = read.duration("read-timeout", config == null ? Optional.empty() : config.readTimeout(),
                DEFAULT_TIMEOUT);
        Duration writeTimeout = read.duration("write-timeout",
                config == null ? Optional.empty() : config.writeTimeout(), DEFAULT_TIMEOUT);
        Duration dialTimeout = read.duration("timeout", config == null ? Optional.empty() : config.timeout(),
                DEFAULT_TIMEOUT);
        boolean batchDml = read.boolParam("batch-dml-enable",
                config == null ? Optional.empty() : config.enableBatchDml(), true);
        boolean multiStatement = read.boolParam("multi-stmt-enable",
                config == null ? Optional.empty() : config.enableMultiStatement(), true);
        boolean cachePrep = read.boolParam("cache-prep-stmts",
                config == null ? Optional.empty() : config.enableCachePreparedStatement(), true);
        read.requireDefault("has-vector-type", "", read.boolParam("has-vector-type",
                Optional.empty(), false), false, "the MySQL sink does not rewrite VECTOR columns");
        String atomicity = read.text("transaction-atomicity", configAtomicity.filter(level -> !level.isEmpty()))
                .orElse("none");
        if (!atomicity.equals("none") && !atomicity.equals("table")) {
            throw invalid("transaction-atomicity must be none or table, got '" + atomicity + "'");
        }
        read.requireDefault("transaction-atomicity", "[sink] transaction-atomicity", atomicity, "none",
                "the MySQL sink may write a large transaction to one table as several downstream transactions");
        return new MySqlSinkOptions(host, port, user.isEmpty() ? "root" : user, password, workers, maxTxnRow,
                safeMode, sslCa, sslCert, sslKey, zone, readTimeout, writeTimeout, dialTimeout, batchDml,
                multiStatement, cachePrep);
    }

    /** Where the sink connects, without the password. */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    /** Absent parameter: this process's zone (TiCDC: the capture's); empty: keep the downstream's; else the zone named. */
    private static Optional<ZoneId> timeZone(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.of(ZoneId.systemDefault());
        }
        if (text.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.get()));
        } catch (DateTimeException e) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "parameter time-zone: unknown time zone '"
                    + text.get() + "'", e);
        }
    }

    private static URI parseUri(String raw) {
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "the MySQL sink URI is malformed", e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static CdcException invalid(String message) {
        return new CdcException(ErrorCode.SINK_URI_INVALID, message);
    }
}
