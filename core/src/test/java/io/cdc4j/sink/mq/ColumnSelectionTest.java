package io.cdc4j.sink.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ColumnSelector;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
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

class ColumnSelectionTest {
    private static ColumnInfo column(String name) {
        return new ColumnInfo(name, ColumnType.INT, false, true, Optional.empty(), List.of());
    }

    /** (a, id, b, u): primary key id, unique index (u). */
    private static final TableInfo T = new TableInfo(1, new TableName("db", "t"), List.of(column("a"), column("id"),
            column("b"), column("u")), List.of(1), List.of(), List.of(TableInfo.UniqueIndex.whole(List.of(3))));

    private static RowChange update() {
        return new RowChange(RowKind.UPDATE, T, 7, Optional.of(new RowImage(new Object[] {1L, 2L, 3L, 4L})),
                Optional.of(new RowImage(new Object[] {10L, 2L, 30L, 4L})));
    }

    private static ColumnSelection selection(String matcher, String... columns) {
        return ColumnSelection.of(List.of(new ColumnSelector(List.of(matcher), List.of(columns))), false);
    }

    @Test
    void theSelectedColumnsAreKeptInTheirOrderWithTheKeysRemapped() {
        ColumnSelection selection = selection("db.*", "b", "ID");
        RowChange row = selection.project(update());
        assertThat(row.table().columns()).extracting(ColumnInfo::name).containsExactly("id", "b");
        assertThat(row.table().primaryKey()).containsExactly(0);
        assertThat(row.table().uniqueKeys()).as("an index not kept whole is dropped").isEmpty();
        assertThat(row.before().orElseThrow().value(1)).contains(3L);
        assertThat(row.after().orElseThrow().value(1)).contains(30L);
        assertThat(row.commitTs()).isEqualTo(7);
        assertThat(selection.project(update()).table()).as("one projected table per table version")
                .isSameAs(row.table());
    }

    @Test
    void theLastMatchingPatternDecidesAndTablesNoSelectorTakesKeepEverything() {
        assertThat(selection("db.t", "*", "!a", "!b*", "B").project(update()).table().columns())
                .extracting(ColumnInfo::name).containsExactly("id", "b", "u");
        RowChange untouched = update();
        assertThat(selection("other.*", "id").project(untouched)).isSameAs(untouched);
        assertThat(selection("db.*", "*").project(untouched)).as("everything selected").isSameAs(untouched);
    }

    @Test
    void aNotNullUniqueIndexKeptWholeStandsInForAPrimaryKeyLeftOut() {
        TableInfo notNull = new TableInfo(1, new TableName("db", "t"), List.of(column("a"), column("id"), column("b"),
                new ColumnInfo("u", ColumnType.INT, false, false, Optional.empty(), List.of())), List.of(1),
                List.of(), List.of(TableInfo.UniqueIndex.whole(List.of(3))));
        RowChange row = selection("db.t", "u", "a").project(new RowChange(RowKind.INSERT, notNull, 7,
                Optional.empty(), Optional.of(new RowImage(new Object[] {1L, 2L, 3L, 4L}))));
        assertThat(row.table().columns()).extracting(ColumnInfo::name).containsExactly("a", "u");
        assertThat(row.table().primaryKey()).isEmpty();
        assertThat(row.table().uniqueKey()).containsExactly(1);
        RowChange nullable = selection("db.t", "u", "a").project(update());
        assertThat(nullable.table().uniqueKey()).as("a nullable unique index is kept, but is no handle key")
                .isEmpty();
        assertThat(nullable.table().uniqueKeys()).hasSize(1);
    }

    @Test
    void aSelectionWithoutAnyWholeKeyFailsAndAMalformedPatternIsRefused() {
        assertThatThrownBy(() -> selection("db.t", "a", "b").project(update()))
                .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.COLUMN_SELECTOR_FAILED))
                .hasMessageContaining("no whole primary or unique key").hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> selection("db.t", "/unclosed")).isInstanceOfSatisfying(CdcException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COLUMN_SELECTOR_FAILED));
    }
}
