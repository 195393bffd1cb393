package io.cdc4j.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import org.junit.jupiter.api.Test;

/** The sinks come from the providers the service loader finds; a scheme without one is refused by name. */
class SinkFactoryTest {
    private static final ChangefeedId FEED = new ChangefeedId("default", "feed");

    @Test
    void theStandardSinksAreFoundThroughTheirProviders() {
        SinkFactory sinks = SinkFactory.standard();
        try (Sink sink = sinks.open(FEED, SinkUri.parse("blackhole://"), ReplicaConfig.defaults())) {
            assertThat(sink).isInstanceOf(BlackholeSink.class);
        }
        for (String scheme : new String[] {"mysql", "mysql+ssl", "tidb", "tidb+ssl"}) {
            assertThatThrownBy(() -> sinks.check(SinkUri.parse(scheme + "://root@127.0.0.1:1/?worker-count=many"), ReplicaConfig.defaults()))
                    .as(scheme).isInstanceOfSatisfying(CdcException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                    .hasMessageContaining("worker-count");
            sinks.check(SinkUri.parse(scheme + "://root@127.0.0.1:1/"), ReplicaConfig.defaults());
        }
    }

    @Test
    void aSchemeNoProviderOpensIsRefusedNamingIt() {
        SinkUri pulsar = SinkUri.parse("pulsar://127.0.0.1:6650/t?protocol=canal-json");
        assertThatThrownBy(() -> SinkFactory.standard().check(pulsar, ReplicaConfig.defaults()))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContaining("pulsar");
    }

    @Test
    void withAddsOrReplacesOneScheme() {
        SinkFactory sinks = SinkFactory.standard()
                .with("kafka", (changefeed, uri, config) -> new BlackholeSink(changefeed));
        try (Sink sink = sinks.open(FEED, SinkUri.parse("kafka://127.0.0.1:9092/t"), ReplicaConfig.defaults())) {
            assertThat(sink).isInstanceOf(BlackholeSink.class);
        }
    }
}
