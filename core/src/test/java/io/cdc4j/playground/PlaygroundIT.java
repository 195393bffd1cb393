package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdc playground --captures 2 --demo} as a user runs it: the ready file, both databases, both captures,
 * the demo's writes, and a Ctrl-C that leaves nothing behind.
 */
class PlaygroundIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void startsEverythingWritesTheReadyFileAndStopsCleanlyOnCtrlC() throws Exception {
        int[] ports = TestPorts.distinct(4);
        int upstreamPort = ports[0];
        int downstreamPort = ports[1];
        int metaPort = ports[2];
        int apiPort = ports[3];
        Path readyFile = work.resolve("ready.json");

        try (PlaygroundProcess playground = PlaygroundProcess.start(work, "--ready-file", readyFile.toString(),
                "--upstream-port", Integer.toString(upstreamPort),
                "--downstream-port", Integer.toString(downstreamPort),
                "--meta-port", Integer.toString(metaPort), "--api-port", Integer.toString(apiPort),
                "--captures", "2", "--demo")) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(readyFile) || !playground.process().isAlive());
            assertThat(playground.process().isAlive()).as("the playground is running; output:\n%s",
                    playground.output()).isTrue();

            JsonNode ready = JSON.readTree(Files.readString(readyFile));
            List<String> keys = new ArrayList<>();
            ready.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("upstream", "downstream", "captures", "zookeeper");
            assertThat(ready.get("upstream").asText()).isEqualTo("mysql://root@127.0.0.1:" + upstreamPort + "/");
            assertThat(ready.get("downstream").asText()).isEqualTo("mysql://root@127.0.0.1:" + downstreamPort + "/");
            assertThat(ready.get("captures").isArray()).isTrue();
            assertThat(List.of(ready.get("captures").get(0).asText(), ready.get("captures").get(1).asText()))
                    .containsExactly("http://127.0.0.1:" + apiPort, "http://127.0.0.1:" + (apiPort + 1));
            assertThat(ready.get("captures").size()).isEqualTo(2);
            assertThat(ready.get("zookeeper").asText()).isEqualTo("127.0.0.1:" + metaPort);

            assertThat(variables(upstreamPort)).containsEntry("log_bin", "ON").containsEntry("binlog_format", "ROW")
                    .containsEntry("binlog_row_image", "FULL").containsEntry("binlog_row_metadata", "FULL");
            assertThat(variables(downstreamPort)).containsEntry("log_bin", "OFF");

            List<String> captures = List.of("http://127.0.0.1:" + apiPort, "http://127.0.0.1:" + (apiPort + 1));
            for (String capture : captures) {
                assertThat(Http.get(capture, "/api/v2/status").status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(captures.stream()
                    .filter(capture -> Http.get(capture, "/api/v2/status").json().get("is_owner").asBoolean())
                    .count()).isEqualTo(1));

            String output = playground.output();
            assertThat(output).contains("starting upstream MariaDB on " + upstreamPort)
                    .contains("starting downstream MariaDB on " + downstreamPort)
                    .contains("curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:" + apiPort
                            + "/api/v2/changefeeds -d '{\"changefeed_id\":\"playground\","
                            + "\"sink_uri\":\"mysql://root@127.0.0.1:" + downstreamPort + "/\"}'");
            Path dataDir = playground.dataDir().orElseThrow(() -> new AssertionError("no data line in:\n" + output));
            assertThat(dataDir).isDirectory();

            // the demo writes upstream, creates its changefeed, and the rows arrive downstream
            await().atMost(Duration.ofSeconds(30)).until(() -> demoRows(upstreamPort) >= 6);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> playground.output().contains("demo: demo.orders rows: upstream "));
            assertThat(playground.output())
                    .contains("demo: created changefeed playground-demo");
            await("demo rows replicated downstream").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> demoRows(downstreamPort) >= 6);

            List<ProcessHandle> children = playground.process().descendants().toList();
            assertThat(children).as("the two mariadbd processes").hasSizeGreaterThanOrEqualTo(2);

            String signal = playground.interrupt();
            assertThat(playground.awaitExit(60)).as("exit code after SIG" + signal.substring(1) + "; output:\n"
                    + playground.output()).isZero();
            for (ProcessHandle child : children) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
            }
            assertThat(dataDir).doesNotExist();
            assertThat(readyFile).as("the ready file goes with the playground").doesNotExist();
            assertThat(playground.output()).contains("stopped capture 2").contains("stopped upstream MariaDB")
                    .contains("removed the data dir " + dataDir);
        }
    }

    private static Map<String, String> variables(int port) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin',"
                     + " 'binlog_format', 'binlog_row_image', 'binlog_row_metadata')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private static long demoRows(int port) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM demo.orders")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
