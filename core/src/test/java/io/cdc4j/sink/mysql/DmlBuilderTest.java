package io.cdc4j.sink.mysql;

import static io.cdc4j.sink.mysql.Rows.TS;
import static io.cdc4j.sink.mysql.Rows.delete;
import static io.cdc4j.sink.mysql.Rows.insert;
import static io.cdc4j.sink.mysql.Rows.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.sink.NetEffectFolder;
import io.cdc4j.sink.TableTxn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmlBuilderTest {
    private static List<Dml> build(DmlBuilder builder, boolean safe, RowChange... rows) {
        List<Dml> out = new ArrayList<>();
        for (TableTxn txn : NetEffectFolder.fold(TS, List.of(rows))) {
            builder.build(txn, safe, out::add);
        }
        return out;
    }

    private static List<String> sql(List<Dml> statements) {
        return statements.stream().map(Dml::sql).toList();
    }

    @Test
    void batchesDeletesThenUpdatesThenInserts() {
        List<Dml> out = build(new DmlBuilder(256, true), false, insert(5, "e"), update(1, "a", 1, "b"),
                delete(2, "x"), insert(6, null), delete(3, "y"));
        assertThat(sql(out)).containsExactly(
                "DELETE FROM `db`.`t` WHERE `id` IN (?,?)",
                "UPDATE `db`.`t` SET `id` = ?, `v` = ? WHERE `id` = ? LIMIT 1",
                "INSERT INTO `db`.`t` (`id`,`v`) VALUES (?,?),(?,?)");
        assertThat(out.get(0).values()).containsExactly(2L, 3L);
        assertThat(out.get(1).values()).containsExactly(1L, "b", 1L);
        assertThat(Arrays.asList(out.get(2).values())).containsExactly(5L, "e", 6L, null);
    }

    @Test
    void safeModeReplacesAndWritesUpdatesAsReplacements() {
        List<Dml> out = build(new DmlBuilder(256, true), true, insert(5, "e"), update(1, "a", 1, "b"),
                delete(2, "x"));
        assertThat(sql(out)).containsExactly("DELETE FROM `db`.`t` WHERE `id` IN (?)",
                "REPLACE INTO `db`.`t` (`id`,`v`) VALUES (?,?),(?,?)");
        assertThat(out.get(1).values()).containsExactly(5L, "e", 1L, "b");
    }

    @Test
    void chunksByMaxTxnRow() {
        List<Dml> out = build(new DmlBuilder(2, true), false, insert(1, "a"), insert(2, "b"), insert(3, "c"),
                delete(7, "x"), delete(8, "y"), delete(9, "z"));
        assertThat(out).extracting(Dml::rows).containsExactly(2, 1, 2, 1);
        assertThat(sql(out).get(3)).isEqualTo("INSERT INTO `db`.`t` (`id`,`v`) VALUES (?,?)");
    }

    @Test
    void withoutBatchingOneStatementPerRowAndSafeUpdatesAreDeletePlusReplace() {
        DmlBuilder builder = new DmlBuilder(256, false);
        assertThat(sql(build(builder, false, update(1, "a", 1, "b"), insert(2, "c")))).containsExactly(
                "UPDATE `db`.`t` SET `id` = ?, `v` = ? WHERE `id` = ? LIMIT 1",
                "INSERT INTO `db`.`t` (`id`,`v`) VALUES (?,?)");
        assertThat(sql(build(builder, true, update(1, "a", 1, "b")))).containsExactly(
                "DELETE FROM `db`.`t` WHERE `id` = ? LIMIT 1", "REPLACE INTO `db`.`t` (`id`,`v`) VALUES (?,?)");
    }

    @Test
    void compositeKeysAndKeylessTablesAndQuotedNames() {
        TableInfo composite = new TableInfo(3, new TableName("d`b", "t"), List.of(Rows.column("a", ColumnType.INT,
                false), Rows.column("b`c", ColumnType.VARCHAR, false)), List.of(0, 1), List.of());
        RowImage one = new RowImage(new Object[] {1L, "x"});
        RowImage two = new RowImage(new Object[] {2L, "y"});
        assertThat(DmlBuilder.deleteByKey(composite, List.of(0, 1), List.of(one, two)).sql()).isEqualTo(
                "DELETE FROM `d``b`.`t` WHERE (`a` = ? AND `b``c` = ?) OR (`a` = ? AND `b``c` = ?)");
        Dml keyless = DmlBuilder.deleteRow(Rows.KEYLESS, List.of(), Rows.row(4, null));
        assertThat(keyless.sql()).isEqualTo("DELETE FROM `db`.`k` WHERE `id` = ? AND `v` IS NULL LIMIT 1");
        assertThat(keyless.values()).containsExactly(4L);
    }

    @Test
    void generatedColumnsAreNeverWrittenNorMatchedOnInATableWithoutKey() {
        ColumnInfo virtual = new ColumnInfo("gv", ColumnType.BIGINT, false, true, Optional.empty(), List.of(),
                Optional.empty(), true);
        ColumnInfo stored = new ColumnInfo("gs", ColumnType.VARCHAR, false, true, Optional.of("utf8mb4"), List.of(),
                Optional.of("utf8mb4_general_ci"), true);
        List<ColumnInfo> columns = List.of(Rows.column("id", ColumnType.BIGINT, false), virtual,
                Rows.column("v", ColumnType.VARCHAR, true), stored);
        TableInfo keyed = new TableInfo(11, new TableName("db", "g"), columns, List.of(0), List.of());
        TableInfo keyless = new TableInfo(12, new TableName("db", "gk"), columns, List.of(), List.of());
        RowImage before = new RowImage(new Object[] {1L, 2L, "a", "a!"});
        RowImage after = new RowImage(new Object[] {1L, 2L, "b", "b!"});

        Dml insert = DmlBuilder.insert(keyed, List.of(before, after), true);
        assertThat(insert.sql()).isEqualTo("REPLACE INTO `db`.`g` (`id`,`v`) VALUES (?,?),(?,?)");
        assertThat(insert.values()).containsExactly(1L, "a", 1L, "b");
        Dml update = DmlBuilder.update(keyed, List.of(0), before, after);
        assertThat(update.sql()).isEqualTo("UPDATE `db`.`g` SET `id` = ?, `v` = ? WHERE `id` = ? LIMIT 1");
        assertThat(update.values()).containsExactly(1L, "b", 1L);
        Dml keylessUpdate = DmlBuilder.update(keyless, List.of(), before, after);
        assertThat(keylessUpdate.sql())
                .isEqualTo("UPDATE `db`.`gk` SET `id` = ?, `v` = ? WHERE `id` = ? AND `v` = ? LIMIT 1");
        assertThat(keylessUpdate.values()).containsExactly(1L, "b", 1L, "a");
        assertThat(DmlBuilder.deleteRow(keyless, List.of(), before).sql())
                .isEqualTo("DELETE FROM `db`.`gk` WHERE `id` = ? AND `v` = ? LIMIT 1");
        assertThat(sql(build(new DmlBuilder(256, true), false,
                new RowChange(RowKind.INSERT, keyed, TS, Optional.empty(), Optional.of(after)))))
                .containsExactly("INSERT INTO `db`.`g` (`id`,`v`) VALUES (?,?)");
    }
}
