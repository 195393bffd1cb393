package io.cdc4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TsoTest {
    @Test
    void composesAndSplits() {
        long ts = Tso.compose(1_700_000_000_123L, 7);
        assertThat(ts).isEqualTo((1_700_000_000_123L << 18) | 7);
        assertThat(Tso.physical(ts)).isEqualTo(1_700_000_000_123L);
        assertThat(Tso.logical(ts)).isEqualTo(7);
        assertThat(Tso.toInstant(ts)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(Tso.fromInstant(Instant.ofEpochMilli(42))).isEqualTo(42L << 18);
        assertThatThrownBy(() -> Tso.compose(1, 1 << 18)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readerPositionRoundTripsThroughJson() throws Exception {
        ReaderPosition position = new ReaderPosition("binlog.000003", 1234, "0-1-42,1-2-7", 1_700_000_000_000L, 3);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(position);
        assertThat(text).contains("\"binlogFile\":\"binlog.000003\"");
        assertThat(json.readValue(text, ReaderPosition.class)).isEqualTo(position);
        assertThat(position.lastTs()).isEqualTo(Tso.compose(1_700_000_000_000L, 3));
    }

    @Test
    void rowChangesCheckTheirImages() {
        TableInfo table = new TableInfo(1, new TableName("s", "t"),
                java.util.List.of(new ColumnInfo("id", ColumnType.INT, false, false, java.util.Optional.empty(),
                        java.util.List.of())), java.util.List.of(0), java.util.List.of());
        RowImage image = new RowImage(new Object[] {1L});
        assertThatThrownBy(() -> new RowChange(RowKind.INSERT, table, 1, java.util.Optional.of(image),
                java.util.Optional.of(image))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowChange(RowKind.INSERT, table, 1, java.util.Optional.empty(),
                java.util.Optional.of(new RowImage(new Object[] {1L, 2L})))).isInstanceOf(IllegalArgumentException.class);
    }
}
