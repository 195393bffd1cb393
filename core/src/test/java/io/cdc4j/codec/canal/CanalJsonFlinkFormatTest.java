package io.cdc4j.codec.canal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.CreateTableReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.json.canal.CanalJsonDeserializationSchema;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cdc4j's canal-json read by a consumer people run: Apache Flink's {@code canal-json} format (flink-json from Maven
 * Central), with no option but the table it reads. Each row message must come out as Flink's changelog rows with the
 * upstream's values.
 */
class CanalJsonFlinkFormatTest {
    private static final String CREATE = "CREATE TABLE items (id INT PRIMARY KEY, qty BIGINT UNSIGNED, name VARCHAR(40),"
            + " price DECIMAL(10,2), ratio DOUBLE, added DATETIME(3), day DATE, at TIME, doc JSON)";
    private static final TableInfo ITEMS = new TableInfo(5, new TableName("shop", "items"), List.of(
            column("id", ColumnType.INT, false), column("qty", ColumnType.BIGINT, true),
            column("name", ColumnType.VARCHAR, false), column("price", ColumnType.DECIMAL, false),
            column("ratio", ColumnType.DOUBLE, false), column("added", ColumnType.DATETIME, false),
            column("day", ColumnType.DATE, false), column("at", ColumnType.TIME, false),
            column("doc", ColumnType.JSON, false)), List.of(0), List.of(), List.of(),
            Optional.of(CreateTableReader.read(CREATE, "shop")));
    private static final DataType FLINK_ROW = DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()),
            DataTypes.FIELD("qty", DataTypes.DECIMAL(20, 0)), DataTypes.FIELD("name", DataTypes.STRING()),
            DataTypes.FIELD("price", DataTypes.DECIMAL(10, 2)), DataTypes.FIELD("ratio", DataTypes.DOUBLE()),
            DataTypes.FIELD("added", DataTypes.TIMESTAMP(3)), DataTypes.FIELD("day", DataTypes.DATE()),
            DataTypes.FIELD("at", DataTypes.TIME(0)), DataTypes.FIELD("doc", DataTypes.STRING()));
    private static final long COMMIT_TS = 470955118065614848L;

    private final CanalJsonEncoder encoder = new CanalJsonEncoder(new CanalJsonOptions(false, false, ZoneOffset.UTC),
            () -> 1796551201130L);
    private CanalJsonDeserializationSchema flink;

    private static ColumnInfo column(String name, ColumnType type, boolean unsigned) {
        return new ColumnInfo(name, type, unsigned, true, Optional.ofNullable(type.isText() ? "utf8mb4" : null),
                List.of());
    }

    private static RowImage row(int id, String name, String price) {
        return new RowImage(new Object[] {(long) id, new BigInteger("18446744073709551615"), name,
                new BigDecimal(price), 0.25, LocalDateTime.of(2026, 12, 6, 10, 0, 0, 250_000_000),
                LocalDate.of(2026, 12, 6), Duration.ofHours(23).plusMinutes(59).plusSeconds(58), "{\"k\": [1, 2]}"});
    }

    @BeforeEach
    void openFlinksFormat() throws Exception {
        flink = CanalJsonDeserializationSchema.builder(FLINK_ROW, List.of(), TypeInformation.of(RowData.class))
                .setDatabase("shop").setTable("items").build();
        flink.open(null);
    }

    private List<RowData> read(byte[] message) throws Exception {
        List<RowData> rows = new ArrayList<>();
        flink.deserialize(message, new Collector<>() {
            @Override
            public void collect(RowData record) {
                rows.add(record);
            }

            @Override
            public void close() {
            }
        });
        return rows;
    }

    @Test
    void insertsUpdatesAndDeletesAreFlinksChangelogWithTheUpstreamsValues() throws Exception {
        List<RowData> inserted = read(encoder.row(new RowChange(RowKind.INSERT, ITEMS, COMMIT_TS, Optional.empty(),
                Optional.of(row(1, "tea", "3.50")))).value());
        assertThat(inserted).singleElement().satisfies(data -> {
            assertThat(data.getRowKind()).isEqualTo(org.apache.flink.types.RowKind.INSERT);
            assertThat(data.getInt(0)).isEqualTo(1);
            assertThat(data.getDecimal(1, 20, 0).toBigDecimal()).isEqualTo(new BigDecimal("18446744073709551615"));
            assertThat(data.getString(2).toString()).isEqualTo("tea");
            assertThat(data.getDecimal(3, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("3.50"));
            assertThat(data.getDouble(4)).isEqualTo(0.25);
            assertThat(data.getTimestamp(5, 3).toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2026, 12, 6, 10, 0, 0, 250_000_000));
            assertThat(LocalDate.ofEpochDay(data.getInt(6))).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(LocalTime.ofNanoOfDay(data.getInt(7) * 1_000_000L)).isEqualTo(LocalTime.of(23, 59, 58));
            assertThat(data.getString(8).toString()).isEqualTo("{\"k\": [1, 2]}");
        });

        List<RowData> updated = read(encoder.row(new RowChange(RowKind.UPDATE, ITEMS, COMMIT_TS + 1,
                Optional.of(row(1, "tea", "3.50")), Optional.of(row(1, "tea", "4.00")))).value());
        assertThat(updated).extracting(RowData::getRowKind).containsExactly(
                org.apache.flink.types.RowKind.UPDATE_BEFORE, org.apache.flink.types.RowKind.UPDATE_AFTER);
        assertThat(updated.get(0).getDecimal(3, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("3.50"));
        assertThat(updated.get(1).getDecimal(3, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("4.00"));
        assertThat(updated.get(0).getString(2).toString()).as("unchanged columns in both images").isEqualTo("tea");

        List<RowData> deleted = read(encoder.row(new RowChange(RowKind.DELETE, ITEMS, COMMIT_TS + 2,
                Optional.of(row(1, "tea", "4.00")), Optional.empty())).value());
        assertThat(deleted).singleElement().satisfies(data -> {
            assertThat(data.getRowKind()).isEqualTo(org.apache.flink.types.RowKind.DELETE);
            assertThat(data.getInt(0)).isEqualTo(1);
        });
    }

    @Test
    void aCreateTableIsSkippedAsFlinkSkipsCanalDdl() throws Exception {
        assertThat(read(encoder.ddl(new DdlEvent("shop", List.of(new TableName("shop", "items")),
                DdlType.CREATE_TABLE, CREATE, COMMIT_TS - 1)).value())).isEmpty();
    }
}
