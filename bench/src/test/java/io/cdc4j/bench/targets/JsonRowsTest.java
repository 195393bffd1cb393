package io.cdc4j.bench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowsTest {
    private static TableMapEventData table(List<String> columns) {
        TableMapEventData table = new TableMapEventData();
        table.setTableId(42);
        table.setDatabase("bench");
        table.setTable("sbtest1");
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(columns);
        table.setEventMetadata(metadata);
        return table;
    }

    @Test
    void aRowIsAnObjectOfItsTableTypeTimesAndEveryColumnAsAString() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            JsonRows.write(json, table(List.of("id", "c", "note", "amount")), "UPDATE", 1_000, 2_000,
                    new Serializable[] {7L, "say \"hi\" é".getBytes(StandardCharsets.UTF_8), null,
                            new BigDecimal("1.25")});
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"database\":\"bench\",\"table\":\"sbtest1\","
                + "\"type\":\"UPDATE\",\"es\":1000,\"ts\":2000,"
                + "\"data\":{\"id\":\"7\",\"c\":\"say \\\"hi\\\" é\",\"note\":null,\"amount\":\"1.25\"}}");
    }

    @Test
    void rowsLargerThanTheBufferEncodeAndATableWithoutColumnNamesIsRefused() {
        JsonRows rows = new JsonRows();
        rows.table(table(List.of("id", "note")));
        rows.row(42, "INSERT", 1_000, new Serializable[] {1L, "n".repeat(20_000).getBytes(StandardCharsets.UTF_8)});
        rows.row(42, "DELETE", 1_000, new Serializable[] {2L, null});
        assertThatThrownBy(() -> rows.table(table(null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("binlog_row_metadata=FULL");
    }
}
