package io.cdc4j.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
    @Test
    void theGateOpensOnceTheExpectedRowsHaveArrived() throws InterruptedException {
        Arrivals arrivals = new Arrivals(false);
        arrivals.rows(3);
        assertThat(arrivals.await(Duration.ZERO)).isFalse();
        arrivals.expect(5);
        assertThat(arrivals.await(Duration.ZERO)).isFalse();
        arrivals.rows(2);
        assertThat(arrivals.await(Duration.ZERO)).isTrue();
        assertThat(arrivals.count()).isEqualTo(5);
    }

    @Test
    void anExpectationAlreadyMetOpensTheGateAtOnce() throws InterruptedException {
        Arrivals arrivals = new Arrivals(false);
        arrivals.rows(10);
        arrivals.expect(10);
        assertThat(arrivals.await(Duration.ZERO)).isTrue();
        assertThat(arrivals.secondsToFirstRow()).isLessThanOrEqualTo(arrivals.secondsToLastRow());
    }

    @Test
    void lagSamplesGrowBeyondTheFirstArray() {
        Arrivals arrivals = new Arrivals(true);
        int rows = 100_000;
        for (int i = 1; i <= rows; i++) {
            arrivals.lag(0, i * 10L);
        }
        LagSummary lag = arrivals.lagSummary();
        assertThat(lag.samples()).isEqualTo(rows);
        assertThat(lag.p50Millis()).isEqualTo(500.0);
        assertThat(lag.maxMillis()).isEqualTo(1000.0);
    }
}
