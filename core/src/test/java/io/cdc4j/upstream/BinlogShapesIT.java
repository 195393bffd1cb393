package io.cdc4j.upstream;

import static org.awaitility.Awaitility.await;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BinlogShapesIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.startWith("--event-scheduler=OFF");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void shapes() throws Exception {
        String file;
        long pos;
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            file = rs.getString(1);
            pos = rs.getLong(2);
        }
        server.execute("CREATE DATABASE d", "CREATE TABLE d.t (id INT PRIMARY KEY, v INT)",
                "XA START 'x1'", "INSERT INTO d.t VALUES (1, 1)", "XA END 'x1'", "XA PREPARE 'x1'");
        server.execute("INSERT INTO d.t VALUES (2, 2)", "XA COMMIT 'x1'",
                "XA START 'x2'", "INSERT INTO d.t VALUES (3, 3)", "XA END 'x2'", "XA PREPARE 'x2'", "XA ROLLBACK 'x2'",
                "XA START 'x3'", "INSERT INTO d.t VALUES (4, 4)", "XA END 'x3'", "XA COMMIT 'x3' ONE PHASE",
                "XA START 'gt','bq',7", "INSERT INTO d.t VALUES (5, 5)", "XA END 'gt','bq',7", "XA PREPARE 'gt','bq',7", "XA COMMIT 'gt','bq',7",
                "CREATE TABLE d.c AS SELECT * FROM d.t",
                "CREATE TABLE d.e (id INT PRIMARY KEY) SELECT 1 AS id",
                "SET SESSION binlog_format='STATEMENT'", "INSERT INTO d.t VALUES (10, 10)", "UPDATE d.t SET v = 11 WHERE id = 10",
                "SET SESSION binlog_format='MIXED'", "INSERT INTO d.t VALUES (12, 12)", "INSERT INTO d.t VALUES (13, UUID_SHORT() % 100)",
                "SET SESSION binlog_format='ROW'",
                "CREATE TABLE d.log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(20))",
                "CREATE DEFINER=CURRENT_USER TRIGGER d.tr AFTER INSERT ON d.t FOR EACH ROW INSERT INTO d.log (msg) VALUES ('x')",
                "INSERT INTO d.t VALUES (20, 20)",
                "CREATE PROCEDURE d.p() BEGIN INSERT INTO d.t VALUES (21, 21); END",
                "CALL d.p()",
                "CREATE FUNCTION d.f() RETURNS INT DETERMINISTIC RETURN 1",
                "CREATE SEQUENCE d.s", "SELECT NEXTVAL(d.s)",
                "CREATE TEMPORARY TABLE d.tmp (id INT)", "INSERT INTO d.tmp VALUES (1)", "DROP TEMPORARY TABLE d.tmp",
                "CREATE TABLE d.my (id INT PRIMARY KEY) ENGINE=MyISAM", "INSERT INTO d.my VALUES (1)",
                "INSERT INTO d.t VALUES (99, 99)");
        try {
            server.execute("CREATE EVENT d.ev ON SCHEDULE EVERY 1 DAY DO DELETE FROM d.log");
        } catch (java.sql.SQLException e) {
            System.out.println("SHAPE event: " + e);
        }
        List<String> lines = new ArrayList<>();
        BinaryLogClient client = BinlogClients.create(server.config(), file, pos, Duration.ofSeconds(1));
        client.registerEventListener(event -> {
            EventHeaderV4 h = event.getHeader();
            synchronized (lines) {
                lines.add(h.getPosition() + " " + h.getEventType() + " flags=" + h.getFlags() + " " + event.getData()
                        + (event.getData() instanceof com.github.shyiko.mysql.binlog.event.MariadbGtidEventData g ? " gflags=" + g.getFlags() : ""));
            }
        });
        client.connect(5000);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains("99, 99"));
            }
        });
        client.disconnect();
        synchronized (lines) {
            lines.forEach(l -> System.out.println("SHAPE " + l));
        }
    }
}
