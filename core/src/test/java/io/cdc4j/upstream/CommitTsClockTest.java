package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.Tso;
import org.junit.jupiter.api.Test;

class CommitTsClockTest {
    @Test
    void strictlyIncreasingEvenWhenTimeGoesBack() {
        CommitTsClock clock = new CommitTsClock(1000, 0);
        long a = clock.next(2000);
        long b = clock.next(2000);
        long c = clock.next(1500);
        long d = clock.next(3000);
        assertThat(a).isEqualTo(Tso.compose(2000, 0));
        assertThat(b).isEqualTo(Tso.compose(2000, 1));
        assertThat(c).isEqualTo(Tso.compose(2000, 2));
        assertThat(d).isEqualTo(Tso.compose(3000, 0));
    }

    @Test
    void logicalOverflowMovesToTheNextMillisecond() {
        CommitTsClock clock = new CommitTsClock(5, Tso.MAX_LOGICAL);
        assertThat(clock.next(5)).isEqualTo(Tso.compose(6, 0));
    }

    @Test
    void resolvedTsIsAFloorForLaterTransactions() {
        CommitTsClock clock = new CommitTsClock(1000, 0);
        long resolved = clock.resolve(5000);
        assertThat(clock.next(4000)).isGreaterThan(resolved);
        assertThat(clock.resolve(10)).isEqualTo(Tso.compose(5000, 1));
    }
}
