package io.cdc4j.sink.mysql;

import static io.cdc4j.sink.mysql.Rows.TS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableInfo.UniqueIndex;
import io.cdc4j.model.TableName;
import io.cdc4j.sink.NetEffectFolder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conflict slots over every unique index, with values compared as their collation and index prefix compare them. */
class ConflictKeysTest {
    /** {@code id} PK; {@code a} nullable, unique, general_ci; {@code b} unique, bin; {@code c} unique on 3 chars. */
    private static final TableInfo TABLE = new TableInfo(21, new TableName("db", "uk"), List.of(
            Rows.column("id", ColumnType.BIGINT, false),
            text("a", "utf8mb4_general_ci"), text("b", "utf8mb4_bin"), text("c", "utf8mb4_unicode_ci"),
            text("d", "utf8mb4_0900_ai_ci")),
            List.of(0), List.of(2), List.of(UniqueIndex.whole(List.of(1)), UniqueIndex.whole(List.of(2)),
                    new UniqueIndex(List.of(3), List.of(3)), UniqueIndex.whole(List.of(4))));

    private static ColumnInfo text(String name, String collation) {
        return new ColumnInfo(name, ColumnType.VARCHAR, false, !name.equals("b"), Optional.of("utf8mb4"), List.of(),
                Optional.of(collation), false);
    }

    private static int[] slots(long id, String a, String b, String c, String d) {
        RowChange insert = new RowChange(RowKind.INSERT, TABLE, TS, Optional.empty(),
                Optional.of(new RowImage(new Object[] {id, a, b, c, d})));
        return ConflictKeys.slots(NetEffectFolder.fold(TS, List.of(insert)).getFirst());
    }

    private static boolean conflict(int[] left, int[] right) {
        return Arrays.stream(left).anyMatch(slot -> Arrays.stream(right).anyMatch(other -> other == slot));
    }

    @Test
    void rowsWithOtherPrimaryKeysConflictOnEverySecondaryUniqueIndex() {
        int[] base = slots(1, "a1", "b1", "c11", "d1");
        assertThat(conflict(base, slots(2, "a2", "b2", "c22", "d2"))).as("nothing shared").isFalse();
        assertThat(conflict(base, slots(2, "a1", "b2", "c22", "d2"))).as("same a").isTrue();
        assertThat(conflict(base, slots(2, "a2", "b1", "c22", "d2"))).as("same b").isTrue();
        assertThat(conflict(base, slots(2, "a2", "b2", "c11", "d2"))).as("same c").isTrue();
        assertThat(conflict(base, slots(2, "a2", "b2", "c22", "d1"))).as("same d").isTrue();
    }

    @Test
    void aKeyWithANullIsSkippedAndTwoNullsDoNotConflict() {
        assertThat(conflict(slots(1, null, "b1", null, null), slots(2, null, "b2", null, null))).isFalse();
        assertThat(slots(1, null, "b1", null, null)).as("primary key and b only").hasSize(2);
    }

    @Test
    void caseAccentsAndTrailingSpacesFoldAsTheCollationCompares() {
        int[] base = slots(1, "Résumé", "Bin", "c11", "d1");
        assertThat(conflict(base, slots(2, "resume  ", "x", "c22", "d2"))).as("general_ci: case, accent, pad")
                .isTrue();
        assertThat(conflict(base, slots(2, "a2", "Bin   ", "c22", "d2"))).as("utf8mb4_bin is PAD SPACE").isTrue();
        assertThat(conflict(base, slots(2, "a2", "bin", "c22", "d2"))).as("utf8mb4_bin is case-sensitive")
                .isFalse();
        assertThat(conflict(base, slots(2, "a2", "b2", "c22", "D1"))).as("0900_ai_ci folds case").isTrue();
        assertThat(conflict(base, slots(2, "a2", "b2", "c22", "d1 "))).as("0900 collations are NO PAD").isFalse();
    }

    @Test
    void aPrefixIndexComparesOnlyItsPrefix() {
        assertThat(conflict(slots(1, "a1", "b1", "abcdef", "d1"), slots(2, "a2", "b2", "ABCxyz", "d2"))).isTrue();
        assertThat(conflict(slots(1, "a1", "b1", "abcdef", "d1"), slots(2, "a2", "b2", "abd", "d2"))).isFalse();
        ColumnInfo binary = Rows.column("raw", ColumnType.VARBINARY, false);
        assertThat(ConflictKeys.keyBytes(new byte[] {1, 2, 3, 4}, binary, 2)).containsExactly(1, 2);
        assertThat(ConflictKeys.keyBytes("😀😀x", text("e", "utf8mb4_bin"), 2))
                .isEqualTo("😀😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void foldingByCollationName() {
        assertThat(CollationFold.fold("Ab ", Optional.of("latin1_swedish_ci"))).isEqualTo("ab");
        assertThat(CollationFold.fold("Ab ", Optional.of("utf8mb4_nopad_bin"))).isEqualTo("Ab ");
        assertThat(CollationFold.fold("Ab ", Optional.of("utf8mb4_0900_as_cs"))).isEqualTo("Ab ");
        assertThat(CollationFold.fold("Straße ", Optional.empty())).as("unknown: fold the most").isEqualTo("strasse");
        assertThat(CollationFold.fold("Straße", Optional.of("utf8mb4_unicode_ci"))).isEqualTo("strasse");
        assertThat(CollationFold.fold("Straße", Optional.of("utf8mb4_general_ci"))).as("general_ci: ß = s")
                .isEqualTo("strase");
        assertThat(CollationFold.fold("É", Optional.of("utf8mb4_uca1400_as_ci"))).as("over-folded, harmless")
                .isEqualTo("e");
    }
}
