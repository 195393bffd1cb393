package io.cdc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkUriMaskerTest {
    @Test
    void masksTheUserinfoPassword() {
        assertThat(SinkUriMasker.mask("mysql://root:123456@127.0.0.1:3306/?time-zone=UTC"))
                .isEqualTo("mysql://root:xxxxx@127.0.0.1:3306/?time-zone=UTC");
    }

    @Test
    void masksSaslPasswordAndSortsTheQuery() {
        assertThat(SinkUriMasker.mask("kafka://h:9092/topic?sasl-user=u&sasl-password=p&a=1"))
                .isEqualTo("kafka://h:9092/topic?a=1&sasl-password=xxxxx&sasl-user=u");
    }

    @Test
    void leavesUrisWithoutSecretsAlone() {
        assertThat(SinkUriMasker.mask("blackhole://")).isEqualTo("blackhole://");
        assertThat(SinkUriMasker.mask("mysql://root@h:3306/?b=2&a=1")).isEqualTo("mysql://root@h:3306/?b=2&a=1");
    }
}
