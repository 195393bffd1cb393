package io.cdc4j.consumer.canal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.codec.canal.CanalJsonEncoder;
import io.cdc4j.codec.canal.CanalJsonOptions;
import io.cdc4j.error.CdcException;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanalJsonDecoderTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFormatsOwnExampleReadsAsAnUpdateWithBothImagesAndItsTs() {
        CanalJsonMessage message = CanalJsonDecoder.decode(utf8("{\"id\":0,\"database\":\"test\",\"table\":\"t\","
                + "\"pkNames\":[\"id\"],\"isDdl\":false,\"type\":\"UPDATE\",\"es\":1716169425152,\"ts\":1716169426001,"
                + "\"sql\":\"\",\"sqlType\":{\"id\":4,\"name\":12,\"price\":3,\"b\":2004},\"mysqlType\":{\"name\":"
                + "\"varchar\",\"id\":\"int\",\"b\":\"varbinary\",\"price\":\"decimal\"},\"old\":[{\"id\":\"1\","
                + "\"name\":\"a\",\"price\":\"1.50\",\"b\":\"\\u0001A\"}],\"data\":[{\"id\":\"1\",\"name\":\"b\","
                + "\"price\":\"2.00\",\"b\":\"\\u0001A\"}],\"_tidb\":{\"commitTs\":449885128453062657}}"));
        CanalJsonMessage.Row row = (CanalJsonMessage.Row) message;
        assertThat(row.type()).isEqualTo("UPDATE");
        assertThat(row.pkNames()).containsExactly("id");
        assertThat(row.data()).containsEntry("name", "b").containsEntry("b", "\u0001A");
        assertThat(row.old().orElseThrow()).containsEntry("name", "a").containsEntry("price", "1.50");
        assertThat(row.sqlTypes()).containsEntry("b", 2004);
        assertThat(row.mysqlTypes()).containsEntry("price", "decimal");
        assertThat(row.commitTs()).contains(449885128453062657L);
    }

    @Test
    void whatCdc4jEncodesReadsBackRowsDdlAndWatermarks() {
        CanalJsonEncoder encoder = new CanalJsonEncoder(new CanalJsonOptions(true, false, ZoneOffset.UTC), () -> 1);
        TableInfo table = new TableInfo(1, new TableName("d", "t"), List.of(
                new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of()),
                new ColumnInfo("note", ColumnType.VARCHAR, false, true, Optional.of("utf8mb4"), List.of())),
                List.of(0), List.of());
        CanalJsonMessage.Row delete = (CanalJsonMessage.Row) CanalJsonDecoder.decode(encoder.row(new RowChange(
                RowKind.DELETE, table, 77L << 18, Optional.of(new RowImage(new Object[] {5L, null})),
                Optional.empty())).value());
        Map<String, String> expected = new HashMap<>();
        expected.put("id", "5");
        expected.put("note", null);
        assertThat(delete.type()).isEqualTo("DELETE");
        assertThat(delete.data()).isEqualTo(expected);
        assertThat(delete.old()).isEmpty();
        assertThat(delete.commitTs()).contains(77L << 18);
        assertThat(CanalJsonDecoder.decode(encoder.ddl(new DdlEvent("d", List.of(new TableName("d", "t")),
                DdlType.TRUNCATE_TABLE, "TRUNCATE TABLE t", 99)).value()))
                .isEqualTo(new CanalJsonMessage.Ddl("TRUNCATE", "d", "t", "TRUNCATE TABLE t", Optional.of(99L)));
        assertThat(CanalJsonDecoder.decode(encoder.watermark(123).orElseThrow().value())).isEqualTo(new CanalJsonMessage.Watermark(123));
    }

    @Test
    void somethingElseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> CanalJsonDecoder.decode(utf8("not json"))).isInstanceOf(CdcException.class)
                .hasMessageContaining("CDC:ErrCodecDecode").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CanalJsonDecoder.decode(utf8("{\"isDdl\":false,\"type\":\"MERGE\"}")))
                .hasMessageContaining("unknown type MERGE");
        assertThatThrownBy(() -> CanalJsonDecoder.decode(utf8("{\"isDdl\":false,\"type\":\"INSERT\",\"data\":[]}")))
                .hasMessageContaining("not one row");
        assertThatThrownBy(() -> CanalJsonDecoder.decode(utf8("{\"isDdl\":false,\"type\":\"TIDB_WATERMARK\"}")))
                .hasMessageContaining("watermarkTs");
    }
}
