package io.cdc4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MetaEndpointTest {
    @Test
    void parsesHostsAndChroot() {
        MetaEndpoint endpoint = MetaEndpoint.parse("zk://h1:2181,h2:2182/teams/a");
        assertThat(endpoint.hosts()).containsExactly("h1:2181", "h2:2182");
        assertThat(endpoint.chroot()).isEqualTo("/teams/a");
        assertThat(endpoint.connectString()).isEqualTo("h1:2181,h2:2182");
        assertThat(endpoint.uri()).isEqualTo("zk://h1:2181,h2:2182/teams/a");
    }

    @Test
    void noChrootMeansTheDefaultOne() {
        assertThat(MetaEndpoint.parse("zk://127.0.0.1:2181").chroot()).isEqualTo("/cdc4j");
        assertThat(MetaEndpoint.parse("zk://127.0.0.1:2181/").chroot()).isEqualTo("/cdc4j");
        assertThat(MetaEndpoint.local("127.0.0.1:2181")).isEqualTo(new MetaEndpoint(List.of("127.0.0.1:2181"), "/cdc4j"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1:2181", "http://h:1", "zk://", "zk://h", "zk://h:", "zk://h:x",
        "zk://h:70000", "zk://h:1,,h:2", "zk://:2181"})
    void rejectsMalformedUris(String uri) {
        assertThatThrownBy(() -> MetaEndpoint.parse(uri))
                .isInstanceOf(CdcException.class)
                .hasMessageContaining("invalid --meta")
                .hasMessageContaining("zk://HOST:PORT");
    }
}
