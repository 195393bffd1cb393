package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.testing.Http;
import io.cdc4j.testing.TestDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With {@code --data-dir} the playground keeps its data at exit and the next start continues from it. */
class PlaygroundDataDirIT {
    private final Path dataDir = TestDirs.fresh("kept-playground");

    @AfterEach
    void removeData() {
        TestDirs.delete(dataDir);
    }

    @Test
    void aKeptDataDirIsReusedByTheNextStart() throws SQLException {
        int[] ports = TestPorts.distinct(4);
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", ports[0], ports[1], ports[2], ports[3], 1,
                Optional.of(dataDir));
        List<String> progress = new ArrayList<>();

        try (Playground first = Playground.prepare(config, progress::add)) {
            PlaygroundEndpoints endpoints = first.start();
            execute(endpoints.upstream(), "CREATE DATABASE kept");
            execute(endpoints.downstream(), "CREATE DATABASE kept_downstream");
        }
        assertThat(progress).contains("kept the data dir " + dataDir + " for the next start");
        assertThat(dataDir.resolve("upstream").resolve("data")).isDirectory();

        try (Playground second = Playground.prepare(config, progress::add)) {
            PlaygroundEndpoints endpoints = second.start();
            assertThat(schemas(endpoints.upstream())).contains("kept");
            assertThat(schemas(endpoints.downstream())).contains("kept_downstream");
            assertThat(Http.get(endpoints.firstCapture(), "/api/v2/status").status()).isEqualTo(200);
        }
        assertThat(dataDir).isDirectory();
    }

    private static void execute(String mysqlUri, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PlaygroundEndpoints.jdbcUrl(mysqlUri));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> schemas(String mysqlUri) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(PlaygroundEndpoints.jdbcUrl(mysqlUri));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW DATABASES")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
