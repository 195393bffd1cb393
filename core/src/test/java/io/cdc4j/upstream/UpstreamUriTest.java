package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import org.junit.jupiter.api.Test;

class UpstreamUriTest {
    @Test
    void parsesUserPasswordHostPortAndOptions() {
        UpstreamConfig config = UpstreamUri.parse("mysql://cdc:p%40ss@db.example:3307/?server-id=42&ssl-mode=required");
        assertThat(config.user()).isEqualTo("cdc");
        assertThat(config.password()).isEqualTo("p@ss");
        assertThat(config.host()).isEqualTo("db.example");
        assertThat(config.port()).isEqualTo(3307);
        assertThat(config.serverId()).isEqualTo(42);
        assertThat(config.tls().mode()).isEqualTo("required");
        assertThat(config.toString()).doesNotContain("p@ss");
    }

    @Test
    void defaultsToOneHighServerIdOnEveryCaptureAndPort3306() {
        UpstreamConfig config = UpstreamUri.parse("mysql://root@localhost/");
        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.serverId()).isEqualTo(UpstreamUri.DEFAULT_SERVER_ID)
                .isEqualTo(UpstreamUri.parse("mysql://other@elsewhere/").serverId());
        assertThat(UpstreamUri.parse("mysql://root@localhost/?ssl-ca=/ca.pem").tls().mode()).isEqualTo("verify-ca");
    }

    @Test
    void badUrisGiveClearErrors() {
        assertThatThrownBy(() -> UpstreamUri.parse("kafka://root@h/")).isInstanceOf(CdcException.class)
                .hasMessageContaining("scheme");
        assertThatThrownBy(() -> UpstreamUri.parse("mysql://h:3306/")).hasMessageContaining("no user");
        assertThatThrownBy(() -> UpstreamUri.parse("mysql://u:secret@h/?server-id=x"))
                .hasMessageContaining("server-id").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> UpstreamUri.parse("mysql://u@h/?ssl-mode=sometimes")).hasMessageContaining("ssl-mode");
        assertThatThrownBy(() -> UpstreamUri.parse("mysql://u@h/?color=red")).hasMessageContaining("unknown parameter");
    }

    @Test
    void theJdbcUrlAllowsRsaKeyRetrievalOnlyWhenTlsMayBeOffAndBoundsEveryWait() {
        assertThat(UpstreamUri.parse("mysql://root@localhost/").jdbcUrl()).contains("connectTimeout=5000")
                .contains("socketTimeout=120000");
        assertThat(UpstreamUri.parse("mysql://root@localhost/").jdbcUrl()).contains("&allowPublicKeyRetrieval=true");
        assertThat(UpstreamUri.parse("mysql://root@localhost/?ssl-mode=preferred").jdbcUrl())
                .contains("&allowPublicKeyRetrieval=true");
        assertThat(UpstreamUri.parse("mysql://root@localhost/?ssl-mode=required").jdbcUrl())
                .doesNotContain("allowPublicKeyRetrieval");
        assertThat(UpstreamUri.parse("mysql://root@localhost/?ssl-mode=verify-ca&ssl-ca=/ca.pem").jdbcUrl())
                .doesNotContain("allowPublicKeyRetrieval");
    }
}
