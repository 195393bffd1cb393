package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event shapes of the groups {@link TransactionAssembler} handles specially, as MariaDB 10.11 writes them
 * (logged, and asserted so that a server writing them differently is noticed): XA PREPARE and XA COMMIT groups,
 * one-phase XA, CREATE TABLE ... SELECT.
 */
class BinlogShapesIT {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogShapesIT.class);
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** One event: its type, the GTID flags of a MariaDB GTID and the text of a QUERY. */
    private record Shape(EventType type, int gtidFlags, String sql) {
        @Override
        public String toString() {
            return type + (type == EventType.MARIADB_GTID ? "(flags " + gtidFlags + ")" : "")
                    + (sql.isEmpty() ? "" : "[" + sql + "]");
        }
    }

    /**
     * Commits or rolls back an XA transaction prepared by a connection that was just closed: the server detaches
     * it from that session asynchronously, and until then answers XAER_NOTA.
     */
    private static void finishDetached(String statement) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> server.execute(statement));
    }

    @Test
    void mariaDbWritesXaAndCreateTableSelectAsTheAssemblerExpects() throws Exception {
        String file;
        long position;
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            status.next();
            file = status.getString(1);
            position = status.getLong(2);
        }
        server.execute("CREATE DATABASE d", "CREATE TABLE d.t (id INT PRIMARY KEY)",
                "XA START 'x1'", "INSERT INTO d.t VALUES (1)", "XA END 'x1'", "XA PREPARE 'x1'");
        finishDetached("XA COMMIT 'x1'");
        server.execute("XA START 'x2'", "INSERT INTO d.t VALUES (2)", "XA END 'x2'", "XA COMMIT 'x2' ONE PHASE",
                "CREATE TABLE d.c AS SELECT * FROM d.t", "INSERT INTO d.t VALUES (99)");
        List<Shape> shapes = new ArrayList<>();
        BinaryLogClient client = BinlogClients.create(server.config(), file, position, Duration.ofSeconds(1));
        client.registerEventListener(event -> {
            int flags = event.getData() instanceof MariadbGtidEventData gtid ? gtid.getFlags() : 0;
            String sql = event.getData() instanceof QueryEventData query ? query.getSql().replaceAll("\\s+", " ") : "";
            synchronized (shapes) {
                shapes.add(new Shape(event.getHeader().getEventType(), flags, sql));
            }
        });
        client.connect(5000);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                synchronized (shapes) {
                    return shapes.stream().filter(shape -> shape.type() == EventType.XID).count() >= 3;
                }
            });
        } finally {
            client.disconnect();
        }
        List<List<Shape>> groups = new ArrayList<>();
        synchronized (shapes) {
            for (Shape shape : shapes) {
                if (shape.type() == EventType.MARIADB_GTID) {
                    groups.add(new ArrayList<>());
                }
                if (!groups.isEmpty()) {
                    groups.getLast().add(shape);
                }
            }
        }
        groups.forEach(group -> LOG.info("binlog group: {}", group));

        assertThat(groups).hasSize(7);
        assertThat(groups.get(2)).extracting(Shape::type).containsExactly(EventType.MARIADB_GTID,
                EventType.ANNOTATE_ROWS, EventType.TABLE_MAP, EventType.WRITE_ROWS, EventType.QUERY,
                EventType.XA_PREPARE);
        assertThat(groups.get(2).getFirst().gtidFlags() & 64).as("FL_PREPARED_XA").isEqualTo(64);
        assertThat(groups.get(2).get(4).sql()).isEqualTo("XA END X'7831',X'',1");
        assertThat(groups.get(3)).extracting(Shape::type).containsExactly(EventType.MARIADB_GTID, EventType.QUERY);
        assertThat(groups.get(3).getFirst().gtidFlags() & 129).as("FL_COMPLETED_XA, FL_STANDALONE").isEqualTo(129);
        assertThat(groups.get(3).get(1).sql()).isEqualTo("XA COMMIT X'7831',X'',1");
        assertThat(groups.get(4)).extracting(Shape::type).containsExactly(EventType.MARIADB_GTID,
                EventType.ANNOTATE_ROWS, EventType.TABLE_MAP, EventType.WRITE_ROWS, EventType.XID);
        assertThat(groups.get(4).getFirst().gtidFlags() & 64).isZero();
        assertThat(groups.get(5)).extracting(Shape::type).containsExactly(EventType.MARIADB_GTID, EventType.QUERY,
                EventType.ANNOTATE_ROWS, EventType.TABLE_MAP, EventType.WRITE_ROWS, EventType.XID);
        assertThat(groups.get(5).getFirst().gtidFlags() & 1).as("not FL_STANDALONE").isZero();
        assertThat(groups.get(5).get(1).sql()).startsWith("CREATE TABLE `d`.`c`").doesNotContain("SELECT");
    }
}
