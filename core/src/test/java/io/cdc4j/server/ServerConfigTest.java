package io.cdc4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    static ServerConfig config(String addr, String advertise, String clusterId, Duration ttl) {
        return new ServerConfig(addr, advertise, Path.of("d"), Optional.empty(), "127.0.0.1:2181", clusterId,
                Optional.empty(), "info", Optional.empty(), ttl);
    }

    @Test
    void acceptsTheDefaults() {
        ServerConfig config = config(ServerConfig.DEFAULT_ADDR, ServerConfig.DEFAULT_ADDR, "default",
                ServerConfig.DEFAULT_SESSION_TTL);
        assertThat(config.advertisedAddress()).isEqualTo("127.0.0.1:8300");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "a_b", "owner", "capture", "a/b"})
    void rejectsClusterIdsTiCDCRejects(String id) {
        assertThatThrownBy(() -> config("127.0.0.1:8300", "127.0.0.1:8300", id, Duration.ofSeconds(10)))
                .isInstanceOf(CdcException.class).hasMessageContaining("--cluster-id");
    }

    @Test
    void refusesToAdvertiseTheWildcardAddress() {
        assertThatThrownBy(() -> config("0.0.0.0:8300", "0.0.0.0:8300", "default", Duration.ofSeconds(10)))
                .isInstanceOf(CdcException.class).hasMessageContaining("--advertise-addr");
        assertThat(config("0.0.0.0:8300", "10.0.0.5:8300", "default", Duration.ofSeconds(10)).advertisedAddress())
                .isEqualTo("10.0.0.5:8300");
    }

    @Test
    void rejectsMalformedAddressesAndTinyTtls() {
        assertThatThrownBy(() -> config("8300", "8300", "default", Duration.ofSeconds(10)))
                .isInstanceOf(CdcException.class).hasMessageContaining("--addr");
        assertThatThrownBy(() -> config("127.0.0.1:x", "127.0.0.1:8300", "default", Duration.ofSeconds(10)))
                .isInstanceOf(CdcException.class).hasMessageContaining("--addr");
        assertThatThrownBy(() -> config("127.0.0.1:8300", "127.0.0.1:8300", "default", Duration.ZERO))
                .isInstanceOf(CdcException.class).hasMessageContaining("capture-session-ttl");
    }
}
