package io.cdc4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ZeroTemporal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void timesKeepSignHoursBeyondADayAndMicroseconds() {
        assertThat(ValueText.time(Duration.ZERO)).isEqualTo("0:00:00.000000");
        assertThat(ValueText.time(Duration.ofHours(838).plusMinutes(59).plusSeconds(59))).isEqualTo(
                "838:59:59.000000");
        assertThat(ValueText.time(Duration.ofSeconds(-3723, -456_000))).isEqualTo("-1:02:03.000456");
        assertThat(ValueText.time(Duration.ofSeconds(59, 999_999_000))).isEqualTo("0:00:59.999999");
    }

    @Test
    void timestampsAreTheZonesWallTimeAndTheEpochIsZero() {
        assertThat(ValueText.timestamp(Instant.parse("2024-02-29T23:30:00.000001Z"), ZoneOffset.ofHours(8)))
                .isEqualTo("2024-03-01 07:30:00.000001");
        assertThat(ValueText.timestamp(Instant.EPOCH, ZoneOffset.ofHours(8))).isEqualTo("0000-00-00 00:00:00");
    }

    @Test
    void datesAndDatetimesKeepMicrosecondsAndZeroDatesTheirText() {
        assertThat(ValueText.temporal(LocalDate.of(1, 1, 1), ZoneOffset.UTC)).contains("0001-01-01");
        assertThat(ValueText.temporal(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), ZoneOffset.UTC))
                .contains("9999-12-31 23:59:59.999999");
        assertThat(ValueText.temporal(new ZeroTemporal("0000-00-00"), ZoneOffset.UTC)).contains("0000-00-00");
        assertThat(ValueText.temporal("text", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void bitsAreUnsigned() {
        assertThat(ValueText.bits(-1L)).isEqualTo("18446744073709551615");
        assertThat(ValueText.bits(5L)).isEqualTo("5");
    }
}
