package io.cdc4j.bench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinlogPointTest {
    @Test
    void ordersByFileThenPosition() {
        BinlogPoint early = new BinlogPoint("binlog.000001", 900);
        BinlogPoint later = new BinlogPoint("binlog.000002", 4);
        assertThat(early).isLessThan(later);
        assertThat(new BinlogPoint("binlog.000002", 5)).isGreaterThan(later);
        assertThat(later.toString()).isEqualTo("binlog.000002:4");
    }

    @Test
    void refusesPositionsBeforeTheFirstEvent() {
        assertThatThrownBy(() -> new BinlogPoint("binlog.000001", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinlogPoint("", 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
