package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.testing.FreePorts;
import io.cdc4j.testing.TestDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real MariaDB started, stopped and started again on its data dir, with the binlog set up for CDC. */
class EmbeddedMariaDbIT {
    private final Path dir = TestDirs.fresh("mariadb");

    @AfterEach
    void removeData() {
        TestDirs.delete(dir);
    }

    @Test
    void theBinlogIsSetUpForChangeDataCapture() throws SQLException {
        MariaDbSettings settings = new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(), dir,
                Optional.of(new CdcBinlog(7)));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings)) {
            assertThat(binlogVariables(db)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL",
                    "binlog_row_metadata", "FULL", "server_id", "7"));
            assertThat(dir.resolve("data").resolve(CdcBinlog.BASE_NAME + ".000001")).exists();
        }
    }

    @Test
    void aRestartOnTheSameDirectoryKeepsTablesAndBinlog() throws SQLException {
        MariaDbSettings settings = new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(), dir,
                Optional.of(new CdcBinlog(1)));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings);
             Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE kept");
            statement.execute("CREATE TABLE kept.t (id INT PRIMARY KEY, note VARCHAR(20))");
            statement.execute("INSERT INTO kept.t VALUES (1, 'before restart')");
        }
        assertThatThrownBy(() -> openConnection(settings))
                .as("the server is stopped")
                .isInstanceOf(SQLException.class);

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings);
             Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT note FROM kept.t WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before restart");
            }
            try (ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
                assertThat(logs.next()).isTrue();
                assertThat(logs.getString(1)).startsWith(CdcBinlog.BASE_NAME + ".");
                assertThat(logs.next()).as("the restart opened a second binlog file after the first").isTrue();
            }
            assertThat(binlogVariables(db)).containsEntry("log_bin", "ON").containsEntry("binlog_format", "ROW");
        }
    }

    @Test
    void withoutBinlogSettingsTheBinlogIsOff() throws SQLException {
        MariaDbSettings settings = new MariaDbSettings("downstream", "127.0.0.1", FreePorts.next(), dir,
                Optional.empty());
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings)) {
            assertThat(binlogVariables(db)).containsEntry("log_bin", "OFF");
            assertThat(db.mysqlUri()).isEqualTo("mysql://root@127.0.0.1:" + settings.port() + "/");
        }
    }

    @Test
    void aDirectoryUnderJavaTmpdirIsRefused() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "cdc4j-refused");
        MariaDbSettings settings = new MariaDbSettings("upstream", "127.0.0.1", FreePorts.next(), underTmp,
                Optional.empty());
        assertThatThrownBy(() -> EmbeddedMariaDb.start(settings))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("java.io.tmpdir");
    }

    private static Map<String, String> binlogVariables(EmbeddedMariaDb db) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin',"
                     + " 'binlog_format', 'binlog_row_image', 'binlog_row_metadata', 'server_id')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private static void openConnection(MariaDbSettings settings) throws SQLException {
        DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + settings.port()
                + "/?user=root&connectTimeout=2000").close();
    }
}
