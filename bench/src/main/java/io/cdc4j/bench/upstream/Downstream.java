package io.cdc4j.bench.upstream;

import io.cdc4j.bench.workload.BenchSchema;
import io.cdc4j.playground.EmbeddedMariaDb;
import io.cdc4j.playground.MariaDbSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The downstream MariaDB the MySQL targets write to, its data under the bench work dir; emptied before each run,
 * with the bench tables created again.
 */
public final class Downstream implements AutoCloseable {
    private final EmbeddedMariaDb db;
    private final int tables;

    private Downstream(EmbeddedMariaDb db, int tables) {
        this.db = db;
        this.tables = tables;
    }

    /** Starts a server on a free port with its data in {@code workDir}/downstream, for {@code tables} tables. */
    public static Downstream start(Path workDir, int tables) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new Downstream(EmbeddedMariaDb.start(new MariaDbSettings("downstream", "127.0.0.1", port,
                workDir.resolve("downstream"), Optional.empty())), tables);
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return db.port();
    }

    /** Drops the bench database and creates its tables again, empty. */
    public void reset() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + BenchSchema.DATABASE);
            for (String sql : BenchSchema.ddl(tables)) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
