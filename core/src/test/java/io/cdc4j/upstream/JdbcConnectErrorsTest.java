package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Reachability is blamed only for network errors; a server's refusal is shown with its code and the fix. */
class JdbcConnectErrorsTest {
    private static final UpstreamConfig CONFIG = UpstreamUri.parse("mysql://cdc:secret@db.example:3307/");

    @Test
    void networkErrorsBlameReachability() {
        SQLException refused = new SQLNonTransientConnectionException("Socket fail to connect to host", "08000",
                new ConnectException("Connection refused"));
        SQLException unknownHost = new SQLNonTransientConnectionException("cannot resolve", "08000",
                new UnknownHostException("db.example"));
        SQLException linkFailure = new SQLNonTransientConnectionException("Communications link failure", "08S01");
        for (SQLException error : new SQLException[] {refused, unknownHost, linkFailure}) {
            assertThat(JdbcConnectErrors.isNetwork(error)).isTrue();
            assertThat(JdbcConnectErrors.explain(error, CONFIG)).contains("reachable at db.example:3307");
        }
    }

    @Test
    void aWrongPasswordNamesTheServersCodeAndTheFix() {
        SQLException denied = new SQLInvalidAuthorizationSpecException(
                "(conn=5) Access denied for user 'cdc'@'10.0.0.1' (using password: YES)", "28000", 1045);
        assertThat(JdbcConnectErrors.isNetwork(denied)).isFalse();
        assertThat(JdbcConnectErrors.explain(denied, CONFIG)).contains("error 1045, SQLState 28000")
                .contains("check the user and password").doesNotContain("reachable").doesNotContain("secret");
    }

    @Test
    void aColdCachingSha2LoginWithoutAKeyNamesTheAuthPlugin() {
        SQLException noKey = new SQLNonTransientConnectionException(
                "RSA public key is not available client side (option serverRsaPublicKeyFile not set)", "S1009", 0);
        assertThat(JdbcConnectErrors.isNetwork(noKey)).isFalse();
        assertThat(JdbcConnectErrors.explain(noKey, CONFIG)).contains("caching_sha2_password")
                .contains("ssl-mode=required").doesNotContain("reachable");
    }

    @Test
    void aServerErrorWithAConnectionSqlStateIsStillTheServers() {
        SQLException tooMany = new SQLNonTransientConnectionException("Too many connections", "08004", 1040);
        assertThat(JdbcConnectErrors.explain(tooMany, CONFIG)).contains("error 1040, SQLState 08004")
                .doesNotContain("reachable");
    }
}
