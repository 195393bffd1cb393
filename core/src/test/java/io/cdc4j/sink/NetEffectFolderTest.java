package io.cdc4j.sink;

import static io.cdc4j.sink.mysql.Rows.TS;
import static io.cdc4j.sink.mysql.Rows.delete;
import static io.cdc4j.sink.mysql.Rows.insert;
import static io.cdc4j.sink.mysql.Rows.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowKind;
import io.cdc4j.sink.mysql.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetEffectFolderTest {
    private static List<RowChange> fold(RowChange... rows) {
        List<TableTxn> txns = NetEffectFolder.fold(TS, List.of(rows));
        assertThat(txns).hasSizeLessThanOrEqualTo(1);
        return txns.isEmpty() ? List.of() : txns.getFirst().rows();
    }

    private static String describe(List<RowChange> rows) {
        return String.join(" ", rows.stream().map(row -> row.kind() + row.before().map(Object::toString).orElse("")
                + "->" + row.after().map(Object::toString).orElse("")).toList());
    }

    @Test
    void singleChangesStayAsTheyAre() {
        assertThat(describe(fold(insert(1, "a")))).isEqualTo("INSERT->[1, a]");
        assertThat(describe(fold(update(1, "a", 1, "b")))).isEqualTo("UPDATE[1, a]->[1, b]");
        assertThat(describe(fold(delete(1, "a")))).isEqualTo("DELETE[1, a]->");
    }

    @Test
    void insertThenUpdatesIsAnInsertOfTheFinalImage() {
        assertThat(describe(fold(insert(1, "a"), update(1, "a", 1, "b"), update(1, "b", 1, "c"))))
                .isEqualTo("INSERT->[1, c]");
    }

    @Test
    void insertThenDeleteIsNothing() {
        assertThat(fold(insert(1, "a"), update(1, "a", 1, "b"), delete(1, "b"))).isEmpty();
        assertThat(NetEffectFolder.fold(TS, List.of(insert(1, "a"), delete(1, "a")))).isEmpty();
    }

    @Test
    void updatesFoldFromTheFirstBeforeToTheLastAfter() {
        assertThat(describe(fold(update(1, "a", 1, "b"), update(1, "b", 1, "c"))))
                .isEqualTo("UPDATE[1, a]->[1, c]");
    }

    @Test
    void updatesBackToTheStartAreNothing() {
        assertThat(fold(update(1, "a", 1, "b"), update(1, "b", 1, "a"))).isEmpty();
    }

    @Test
    void updateThenDeleteIsADeleteOfTheOriginal() {
        assertThat(describe(fold(update(1, "a", 1, "b"), delete(1, "b")))).isEqualTo("DELETE[1, a]->");
    }

    @Test
    void deleteThenInsertOfTheSameKeyIsAnUpdate() {
        assertThat(describe(fold(delete(1, "a"), insert(1, "b")))).isEqualTo("UPDATE[1, a]->[1, b]");
        assertThat(describe(fold(delete(1, "a"), insert(1, "b"), delete(1, "b")))).isEqualTo("DELETE[1, a]->");
    }

    @Test
    void anUpdateChangingTheKeyIsADeleteAndAnInsert() {
        assertThat(describe(fold(update(1, "a", 2, "a")))).isEqualTo("DELETE[1, a]-> INSERT->[2, a]");
    }

    @Test
    void aKeyMovedAwayAndBackIsAnUpdate() {
        assertThat(describe(fold(update(1, "a", 2, "a"), update(2, "a", 1, "b")))).isEqualTo("UPDATE[1, a]->[1, b]");
    }

    @Test
    void twoKeysSwappingThroughATemporaryKeyAreTwoUpdates() {
        List<RowChange> rows = fold(update(1, "a", 99, "a"), update(2, "b", 1, "b"), update(99, "a", 2, "a"));
        assertThat(describe(rows)).isEqualTo("UPDATE[1, a]->[1, b] UPDATE[2, b]->[2, a]");
    }

    @Test
    void insertIntoAKeyFreedByAKeyChangeIsAnUpdate() {
        assertThat(describe(fold(update(1, "a", 2, "a"), insert(1, "n"))))
                .isEqualTo("UPDATE[1, a]->[1, n] INSERT->[2, a]");
    }

    @Test
    void tablesAreCutApartInFirstSeenOrderAndKeylessTablesKeepEveryRowInOrder() {
        List<TableTxn> txns = NetEffectFolder.fold(TS, List.of(insert(Rows.OTHER, 1, "o"), insert(1, "t"),
                insert(Rows.KEYLESS, 1, "x"), insert(Rows.KEYLESS, 1, "x"), insert(Rows.OTHER, 1, "o2")));
        assertThat(txns).extracting(txn -> txn.table().name().table()).containsExactly("o", "t", "k");
        assertThat(txns.get(0).rows()).hasSize(1);
        assertThat(txns.get(0).rows().getFirst().kind()).isEqualTo(RowKind.INSERT);
        assertThat(txns.get(2).keyed()).isFalse();
        assertThat(txns.get(2).rows()).hasSize(2);
    }
}
