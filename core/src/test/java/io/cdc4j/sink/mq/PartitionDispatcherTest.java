package io.cdc4j.sink.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.CreateTableReader;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dispatchers against TiCDC's algorithm. Expected values were computed apart from this code, with Python's
 * {@code zlib.crc32} following TiCDC's PositionInertia: h = CRC32("test" + "t"), then h ^= CRC32(name + value) per
 * key column, partition = h % n.
 */
class PartitionDispatcherTest {
    private static final long COMMIT_TS = 449885128453062657L;

    private static ColumnInfo column(String name, ColumnType type, String charset) {
        return new ColumnInfo(name, type, false, true, Optional.ofNullable(charset), List.of());
    }

    private static TableInfo table(String create, List<Integer> primaryKey, ColumnInfo... columns) {
        return new TableInfo(1, new TableName("test", "t"), List.of(columns), primaryKey, List.of(), List.of(),
                Optional.of(CreateTableReader.read(create, "test")));
    }

    private static RowChange insert(TableInfo table, Object... values) {
        return new RowChange(RowKind.INSERT, table, COMMIT_TS, Optional.empty(), Optional.of(new RowImage(values)));
    }

    private static final TableInfo WITH_PK = table("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(8), b DECIMAL(4,2),"
            + " bin VARBINARY(4))", List.of(0), column("id", ColumnType.INT, null),
            column("a", ColumnType.VARCHAR, "utf8mb4"), column("b", ColumnType.DECIMAL, null),
            column("bin", ColumnType.VARBINARY, null));

    @Test
    void byTableHashesSchemaAndTableAndKeysBySchemaDotTable() {
        PartitionDispatcher.Dispatch dispatch = new PartitionDispatcher.ByTable()
                .dispatch(insert(WITH_PK, 1L, "x", new BigDecimal("1.00"), null), 16);
        assertThat(dispatch).isEqualTo(new PartitionDispatcher.Dispatch(13, "test.t"));
        assertThat(new PartitionDispatcher.ByTable().dispatch(insert(WITH_PK, 2L, "y", null, null), 3).partition())
                .isEqualTo(1);
    }

    @Test
    void byCommitTsIsTheTsModuloThePartitions() {
        assertThat(new PartitionDispatcher.ByCommitTs().dispatch(insert(WITH_PK, 1L, null, null, null), 7))
                .isEqualTo(new PartitionDispatcher.Dispatch(5, "449885128453062657"));
    }

    @Test
    void byIndexValueHashesThePrimaryKeysValuesAndTheDeletesOldImage() {
        PartitionDispatcher dispatcher = new PartitionDispatcher.ByIndexValue(Optional.empty(), ZoneOffset.UTC);
        assertThat(dispatcher.dispatch(insert(WITH_PK, 1L, "x", null, null), 16))
                .isEqualTo(new PartitionDispatcher.Dispatch(9, "1678569177"));
        RowChange delete = new RowChange(RowKind.DELETE, WITH_PK, COMMIT_TS,
                Optional.of(new RowImage(new Object[] {1L, "other", null, null})), Optional.empty());
        assertThat(dispatcher.dispatch(delete, 3).partition()).as("same key, same partition").isEqualTo(0);
    }

    @Test
    void withoutAPrimaryKeyTheNotNullUniqueKeyWithFewestColumnsIsTheHandleAndNullHashesAsNull() {
        TableInfo noPk = table("CREATE TABLE t (k1 INT NOT NULL, k2 VARCHAR(4) NOT NULL, code INT, v INT,"
                        + " UNIQUE KEY wide (k1, k2, v), UNIQUE KEY pair (k1, k2), UNIQUE KEY nullable (code))",
                List.of(), column("k1", ColumnType.INT, null), column("k2", ColumnType.VARCHAR, "utf8mb4"),
                column("code", ColumnType.INT, null), column("v", ColumnType.INT, null));
        PartitionDispatcher byHandle = new PartitionDispatcher.ByIndexValue(Optional.empty(), ZoneOffset.UTC);
        assertThat(byHandle.dispatch(insert(noPk, 7L, "x", null, 1L), 3))
                .isEqualTo(new PartitionDispatcher.Dispatch(1, "1095394879"));
        PartitionDispatcher byNamed = new PartitionDispatcher.ByIndexValue(Optional.of("nullable"), ZoneOffset.UTC);
        assertThat(byNamed.dispatch(insert(noPk, 7L, "x", null, 1L), 7))
                .isEqualTo(new PartitionDispatcher.Dispatch(4, "210025442"));
        assertThatThrownBy(() -> new PartitionDispatcher.ByIndexValue(Optional.of("nope"), ZoneOffset.UTC)
                .dispatch(insert(noPk, 7L, "x", null, 1L), 3)).isInstanceOf(CdcException.class)
                .hasMessageContaining("CDC:ErrDispatcherFailed").hasMessageContaining("nope");
    }

    @Test
    void byColumnsHashesTheListedColumnsInAnyOrderAndBytesAsTheyAre() {
        RowChange row = insert(WITH_PK, 1L, "héllo", new BigDecimal("2.50"), new byte[] {(byte) 0xFF, 0});
        PartitionDispatcher.Dispatch ab = new PartitionDispatcher.ByColumns(List.of("a", "b"), ZoneOffset.UTC)
                .dispatch(row, 5);
        assertThat(ab).isEqualTo(new PartitionDispatcher.Dispatch(2, "3667503277"));
        assertThat(new PartitionDispatcher.ByColumns(List.of("B", "a"), ZoneOffset.UTC).dispatch(row, 5))
                .as("XOR: the order of the columns does not matter, nor their case").isEqualTo(ab);
        assertThat(new PartitionDispatcher.ByColumns(List.of("bin"), ZoneOffset.UTC).dispatch(row, 4))
                .isEqualTo(new PartitionDispatcher.Dispatch(0, "1050089756"));
        assertThatThrownBy(() -> new PartitionDispatcher.ByColumns(List.of("zz"), ZoneOffset.UTC).dispatch(row, 4))
                .hasMessageContaining("zz").hasMessageContaining("[id, a, b, bin]");
    }
}
