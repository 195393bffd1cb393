package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueBinderTest {
    @Test
    void timesKeepSignHoursBeyondADayAndMicroseconds() {
        assertThat(ValueBinder.time(Duration.ZERO)).isEqualTo("0:00:00.000000");
        assertThat(ValueBinder.time(Duration.ofHours(838).plusMinutes(59).plusSeconds(59))).isEqualTo(
                "838:59:59.000000");
        assertThat(ValueBinder.time(Duration.ofSeconds(-3723, -456_000))).isEqualTo("-1:02:03.000456");
    }

    @Test
    void timestampsAreTheSessionZonesWallTimeAndTheEpochIsZero() {
        ValueBinder binder = new ValueBinder(ZoneOffset.ofHours(8));
        assertThat(binder.timestamp(Instant.parse("2024-02-29T23:30:00.000001Z")))
                .isEqualTo("2024-03-01 07:30:00.000001");
        assertThat(binder.timestamp(Instant.EPOCH)).isEqualTo("0000-00-00 00:00:00");
    }
}
