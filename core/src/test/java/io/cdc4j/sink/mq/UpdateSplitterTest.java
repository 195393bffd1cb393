package io.cdc4j.sink.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateSplitterTest {
    private static final TableInfo T = new TableInfo(1, new TableName("d", "t"), List.of(
            new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of()),
            new ColumnInfo("email", ColumnType.VARBINARY, false, true, Optional.empty(), List.of()),
            new ColumnInfo("v", ColumnType.INT, false, true, Optional.empty(), List.of())),
            List.of(0), List.of(), List.of(TableInfo.UniqueIndex.whole(List.of(1))));

    private static RowChange update(Object[] before, Object[] after) {
        return new RowChange(RowKind.UPDATE, T, 9, Optional.of(new RowImage(before)), Optional.of(new RowImage(after)));
    }

    private static RowChange insert(Object... after) {
        return new RowChange(RowKind.INSERT, T, 9, Optional.empty(), Optional.of(new RowImage(after)));
    }

    private static RowChange delete(Object... before) {
        return new RowChange(RowKind.DELETE, T, 9, Optional.of(new RowImage(before)), Optional.empty());
    }

    @Test
    void anUpdateOfAPrimaryOrUniqueKeyBecomesADeleteAndAnInsertAndKindsAreOrdered() {
        RowChange valueOnly = update(new Object[] {1L, new byte[] {1}, 1L}, new Object[] {1L, new byte[] {1}, 2L});
        RowChange newId = update(new Object[] {2L, new byte[] {2}, 1L}, new Object[] {3L, new byte[] {2}, 1L});
        RowChange newEmail = update(new Object[] {4L, new byte[] {4}, 1L}, new Object[] {4L, new byte[] {5}, 1L});
        RowChange added = insert(5L, null, 1L);
        RowChange removed = delete(6L, null, 1L);
        List<RowChange> split = UpdateSplitter.split(List.of(added, valueOnly, newId, removed, newEmail));
        assertThat(split).extracting(RowChange::kind).containsExactly(RowKind.DELETE, RowKind.DELETE, RowKind.DELETE,
                RowKind.UPDATE, RowKind.INSERT, RowKind.INSERT, RowKind.INSERT);
        assertThat(split.get(0).before().orElseThrow().value(0)).contains(2L);
        assertThat(split.get(1)).isEqualTo(removed);
        assertThat(split.get(2).before().orElseThrow().value(0)).contains(4L);
        assertThat(split.get(3)).as("an update of other columns stays one").isEqualTo(valueOnly);
        assertThat(split.get(4)).isEqualTo(added);
        assertThat(split.get(5).after().orElseThrow().value(0)).contains(3L);
        assertThat(split.get(6).after().orElseThrow().value(1)).hasValueSatisfying(
                email -> assertThat((byte[]) email).containsExactly(5));
    }
}
