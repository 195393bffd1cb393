package io.cdc4j.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOverUnsortedSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles percentiles = new Percentiles(samples, 100);
        assertThat(percentiles.percentile(50)).isEqualTo(50);
        assertThat(percentiles.percentile(99)).isEqualTo(99);
        assertThat(percentiles.percentile(0.5)).isEqualTo(1);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void onlyTheCountedPrefixIsUsed() {
        Percentiles percentiles = new Percentiles(new long[] {7, 3, 5, 1000, 2000}, 3);
        assertThat(percentiles.count()).isEqualTo(3);
        assertThat(percentiles.percentile(50)).isEqualTo(5);
        assertThat(percentiles.max()).isEqualTo(7);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Percentiles percentiles = new Percentiles(new long[] {42}, 1);
        assertThat(percentiles.percentile(1)).isEqualTo(42);
        assertThat(percentiles.percentile(99)).isEqualTo(42);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> new Percentiles(new long[0], 0).percentile(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Percentiles(new long[] {1}, 1).percentile(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new long[] {1}, 1).percentile(100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lagSummaryIsInMilliseconds() {
        LagSummary lag = LagSummary.ofMicros(new Percentiles(new long[] {1_000, 2_000, 3_000, 400_000}, 4));
        assertThat(lag.samples()).isEqualTo(4);
        assertThat(lag.p50Millis()).isEqualTo(2.0);
        assertThat(lag.p99Millis()).isEqualTo(400.0);
        assertThat(LagSummary.ofMicros(new Percentiles(new long[0], 0)).measured()).isFalse();
    }
}
