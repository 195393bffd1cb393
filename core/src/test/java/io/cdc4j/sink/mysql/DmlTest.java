package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmlTest {
    private static final ColumnInfo ID = new ColumnInfo("id", ColumnType.INT, false, false, Optional.empty(), List.of());
    private static final ColumnInfo NAME =
            new ColumnInfo("name", ColumnType.VARCHAR, false, true, Optional.of("utf8mb4"), List.of());

    private static Dml update(int id, String name) {
        return new Dml("UPDATE `d`.`t` SET `name` = ? WHERE `id` = ?", new Object[] {name, id},
                new ColumnInfo[] {NAME, ID}, 1);
    }

    @Test
    void statementsAreJoinedInOrderWithTheirArgumentsInOrder() {
        Dml delete = new Dml("DELETE FROM `d`.`t` WHERE (`id`) IN ((?),(?))", new Object[] {1, 2},
                new ColumnInfo[] {ID, ID}, 2);
        List<Dml> joined = Dml.joined(List.of(delete, update(3, "c"), update(4, null)), 1 << 20);

        assertThat(joined).hasSize(1);
        Dml one = joined.getFirst();
        assertThat(one.sql()).isEqualTo("DELETE FROM `d`.`t` WHERE (`id`) IN ((?),(?));"
                + "UPDATE `d`.`t` SET `name` = ? WHERE `id` = ?;UPDATE `d`.`t` SET `name` = ? WHERE `id` = ?");
        assertThat(one.values()).containsExactly(1, 2, "c", 3, null, 4);
        assertThat(one.columns()).containsExactly(ID, ID, NAME, ID, NAME, ID);
        assertThat(one.rows()).isEqualTo(4);
    }

    @Test
    void aRoundTripHoldsAtMostTheBoundOfSqlButAStatementLongerThanItGoesAlone() {
        Dml first = update(1, "a");
        int length = first.sql().length();
        List<Dml> joined = Dml.joined(List.of(first, update(2, "b"), update(3, "c")), 2 * length + 1);

        assertThat(joined).extracting(Dml::rows).containsExactly(2, 1);
        assertThat(Dml.joined(List.of(first, update(2, "b")), length - 1)).hasSize(2);
        assertThat(Dml.joined(List.of(first), 1)).containsExactly(first);
    }
}
