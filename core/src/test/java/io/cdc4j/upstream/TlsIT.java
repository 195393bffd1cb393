package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cdc4j.error.CdcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binlog and JDBC connections over TLS, verifying the server against a CA made with openssl for the test.
 */
class TlsIT {
    private static Path certs;
    private static MariaDbServer server;

    @BeforeAll
    static void startServerWithTls() throws Exception {
        certs = Files.createDirectories(Path.of("target", "tls-" + UUID.randomUUID()).toAbsolutePath());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=cdc4j-test-ca",
                "-keyout", "ca.key", "-out", "ca.pem");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
                "-out", "server.csr");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", "server.pem");
        server = MariaDbServer.startWith("--ssl-ca=" + certs.resolve("ca.pem"),
                "--ssl-cert=" + certs.resolve("server.pem"), "--ssl-key=" + certs.resolve("server.key"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static UpstreamConfig upstream(String query) {
        return UpstreamUri.parse("mysql://root@127.0.0.1:" + server.port() + "/?" + query);
    }

    @Test
    void theBinlogIsReadOverTlsVerifyingTheServerAgainstTheCa() throws Exception {
        UpstreamConfig tls = upstream("ssl-mode=verify-ca&ssl-ca=" + certs.resolve("ca.pem"));
        RecordingSink sink = new RecordingSink();
        try (BinlogReader reader = BinlogReader.start(tls, new StartPoint.Now(), sink, ReaderOptions.defaults(),
                new InMemoryTableIdAllocator(1), ReaderStatusListener.NONE)) {
            try (Connection connection = DriverManager.getConnection(tls.jdbcUrl(), tls.user(), tls.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS tls");
                statement.execute("CREATE TABLE IF NOT EXISTS tls.t (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO tls.t VALUES (1)");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !sink.rows().isEmpty());
            assertThat(reader.failure()).isEmpty();
        }
        assertThat(sink.rows().getFirst().table().name().table()).isEqualTo("t");
    }

    @Test
    void aCaThatDidNotSignTheServerIsRefused() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=other-ca",
                "-keyout", "other.key", "-out", "other.pem");
        UpstreamConfig wrongCa = upstream("ssl-mode=verify-ca&ssl-ca=" + certs.resolve("other.pem"));
        assertThatThrownBy(() -> BinlogReader.start(wrongCa, new StartPoint.Now(), new RecordingSink(),
                ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), ReaderStatusListener.NONE).close())
                .isInstanceOf(CdcException.class);
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
