package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    @Test
    void waitsDoubleFromTwiceTheInitialIntervalWithJitterAndStopAtTenMinutes() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), new Random(1));
        long[] expected = {20, 40, 80, 160, 320, 600, 600};
        for (int retry = 1; retry <= expected.length; retry++) {
            double seconds = backoff.interval(retry).toMillis() / 1000.0;
            assertThat(seconds).isBetween(expected[retry - 1] * 0.9, expected[retry - 1] * 1.1);
        }
    }

    @Test
    void theSeriesFailsWhenTheNextWaitWouldPassTheBudget() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), new Random(1));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RetrySeries series = new RetrySeries(start, 100);
        assertThat(series.due(start)).isTrue();
        assertThat(series.scheduleNext(start.plusSeconds(1), 100, backoff, Duration.ofMinutes(30))).isTrue();
        assertThat(series.due(start.plusSeconds(2))).isFalse();
        assertThat(series.due(start.plusSeconds(30))).isTrue();
        assertThat(series.scheduleNext(start.plusSeconds(29 * 60 + 30), 100, backoff, Duration.ofMinutes(30)))
                .isFalse();
    }

    @Test
    void fatalCodesAreRecognisedByCodeOrInsideTheMessage() {
        var now = Instant.now();
        assertThat(FatalErrors.isFatal(new io.cdc4j.meta.RunningError(now, "a", "CDC:ErrSinkURIInvalid", "x"))).isTrue();
        assertThat(FatalErrors.isFatal(new io.cdc4j.meta.RunningError(now, "a", "CDC:ErrOwnerUnknown",
                "wrapped [CDC:ErrGCTTLExceeded] too old"))).isTrue();
        assertThat(FatalErrors.isFatal(new io.cdc4j.meta.RunningError(now, "a", "CDC:ErrUpstreamBinlogRead", "x")))
                .isFalse();
    }
}
