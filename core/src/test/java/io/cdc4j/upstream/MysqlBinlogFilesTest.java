package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.Event;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.upstream.decode.CollationCharsets;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.EventDeserializers;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binlog files of real MySQL 8.0 servers (version 2 rows events: writes, updates, deletes) framed and decoded as the
 * reader does it, through the assembler and cdc4j's own row reader, against the values the servers wrote.
 */
class MysqlBinlogFilesTest {
    private static final ReaderPosition START = new ReaderPosition("binlog.000001", 4, "", 0, 0);
    private static final CollationCharsets COLLATIONS = new CollationCharsets(Map.of(255, "utf8mb4", 45, "utf8mb4",
            8, "latin1"));

    @Test
    void enumSetCharVarcharAndTextAcrossAWriteAnUpdateAndADelete() throws Exception {
        List<RowChange> rows = rows("mysql-enum-string-set.000001");
        assertThat(rows).extracting(RowChange::kind).containsExactly(RowKind.INSERT, RowKind.UPDATE, RowKind.DELETE);
        String digits = "0123456789".repeat(10);
        assertThat(values(rows.get(0).after().orElseThrow()).subList(0, 1)).containsExactly(digits);
        assertThat(values(rows.get(0).after().orElseThrow()).subList(2, 5))
                .containsExactly("var1", "one,three", "0123456789");
        String longDigits = (String) rows.get(0).after().orElseThrow().value(1).orElseThrow();
        assertThat(longDigits).hasSize(298);
        List<Object> updated = values(rows.get(1).after().orElseThrow());
        assertThat(updated.subList(0, 4)).containsExactly("field1", "field_2", "variant2", "two,four");
        assertThat(updated.get(4)).isEqualTo(longDigits);
        assertThat(values(rows.get(1).before().orElseThrow())).isEqualTo(values(rows.get(0).after().orElseThrow()));
        assertThat(values(rows.get(2).before().orElseThrow())).isEqualTo(updated);
    }

    @Test
    void bitColumns() throws Exception {
        List<RowChange> rows = rows("mysql_type_bit.000001");
        assertThat(rows).hasSize(1);
        assertThat(values(rows.getFirst().after().orElseThrow())).containsExactly(0b100L, "foo", 0b100000L);
    }

    @Test
    void unsignedNullsBlobsAndAnUpdate() throws Exception {
        List<RowChange> rows = rows("binlog-invisible-columns.000001");
        assertThat(rows).extracting(RowChange::kind).containsExactly(RowKind.INSERT, RowKind.INSERT, RowKind.UPDATE);
        List<Object> first = values(rows.get(0).after().orElseThrow());
        assertThat(first.subList(0, 4)).containsExactly(1L, 2L, -3L, "4");
        assertThat((byte[]) first.get(4)).containsExactly(5);
        assertThat(first.get(5)).isEqualTo(6_000_000_000L);
        List<Object> second = values(rows.get(1).after().orElseThrow());
        assertThat(second.subList(0, 4)).containsExactly(null, null, -33L, "44");
        assertThat((byte[]) second.get(4)).containsExactly('U');
        assertThat(second.get(5)).isNull();
        List<Object> updated = values(rows.get(2).after().orElseThrow());
        assertThat(updated.subList(0, 4)).containsExactly(111L, 222L, -333L, "444");
        assertThat(updated.get(5)).isNull();
        assertThat(values(rows.get(2).before().orElseThrow()).subList(0, 4)).isEqualTo(second.subList(0, 4));
    }

    private static List<RowChange> rows(String file) throws Exception {
        List<ChangeEvent> out = new ArrayList<>();
        TransactionAssembler assembler = new TransactionAssembler(new ResumePoint(START, -1),
                (event, bytes) -> out.add(TransactionAssemblerTest.decoded(event)), new TableMapInterpreter(COLLATIONS),
                new InMemoryTableIdAllocator(1), (table, at) -> ColumnHints.NONE, () -> 0, 1024);
        try (InputStream in = MysqlBinlogFilesTest.class.getResourceAsStream("mysql-binlog/" + file);
             BinaryLogFileReader reader = new BinaryLogFileReader(in, EventDeserializers.create())) {
            for (Event event = reader.readEvent(); event != null; event = reader.readEvent()) {
                assembler.accept(event);
            }
        }
        return out.stream().filter(RowBatch.class::isInstance).flatMap(e -> ((RowBatch) e).rows().stream()).toList();
    }

    private static List<Object> values(RowImage image) {
        Object[] values = new Object[image.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = image.value(i).orElse(null);
        }
        return Arrays.asList(values);
    }
}
