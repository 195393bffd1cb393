package io.cdc4j.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {
    private static final TableName T = new TableName("d", "t");
    private static final TableName U = new TableName("d", "u");
    private static final TableName COPY = new TableName("d", "copy");
    private static final TableName OTHER = new TableName("e", "o");

    private static SchemaVersion at(long position) {
        return new SchemaVersion("bin.000001", position);
    }

    private static SchemaHistory startingWithT() {
        SchemaCatalog catalog = new SchemaCatalog();
        catalog.load("CREATE TABLE `t` (`id` int(11) NOT NULL, `a` varchar(8) DEFAULT NULL, PRIMARY KEY (`id`))",
                "d", false);
        catalog.apply("CREATE TABLE e.o (id INT PRIMARY KEY)", "e");
        return new SchemaHistory(catalog, at(100));
    }

    private static void ddl(SchemaHistory history, long end, String sql) {
        history.ddl(at(end), () -> history.catalog().apply(sql, "d"));
    }

    private static Map<TableName, TableSchema> byName(CatalogSnapshot snapshot) {
        return snapshot.tables().stream().collect(Collectors.toMap(TableSchema::name, Function.identity()));
    }

    private static List<String> columns(CatalogSnapshot snapshot, TableName table) {
        return byName(snapshot).get(table).columns().stream().map(ColumnSchema::name).toList();
    }

    @Test
    void everyVersionIsRebuiltAsItWasAcrossAlterRenameDropAndCreateAgain() {
        SchemaHistory history = startingWithT();
        ddl(history, 200, "ALTER TABLE t ADD COLUMN doc JSON, ADD UNIQUE KEY ua (a)");
        ddl(history, 300, "RENAME TABLE t TO u");
        ddl(history, 400, "CREATE TABLE t (id BIGINT PRIMARY KEY, g INT AS (id * 2) VIRTUAL)");
        ddl(history, 500, "CREATE TABLE copy LIKE u");
        ddl(history, 600, "DROP TABLE u");
        ddl(history, 700, "ALTER TABLE missing ADD COLUMN x INT");
        assertThat(history.current()).as("a DDL on a table the catalog does not hold makes no version")
                .isEqualTo(at(600));
        assertThat(history.versionsKept()).isEqualTo(6);

        CatalogSnapshot start = history.snapshotAt(at(100));
        assertThat(columns(start, T)).containsExactly("id", "a");
        assertThat(start.unchecked()).containsExactly(T);
        assertThat(byName(start)).containsKey(OTHER);

        CatalogSnapshot altered = history.snapshotAt(at(200));
        assertThat(columns(altered, T)).containsExactly("id", "a", "doc");
        assertThat(byName(altered).get(T).isJson("doc")).isTrue();
        assertThat(byName(altered).get(T).uniqueKeys()).extracting(IndexSchema::name).containsExactly("ua");
        assertThat(altered.unchecked()).as("an ALTER of an unchecked table leaves it unchecked").containsExactly(T);

        CatalogSnapshot renamed = history.snapshotAt(at(300));
        assertThat(byName(renamed)).containsKeys(U, OTHER).doesNotContainKey(T);
        assertThat(renamed.unchecked()).containsExactly(U);

        CatalogSnapshot recreated = history.snapshotAt(at(400));
        assertThat(columns(recreated, T)).containsExactly("id", "g");
        assertThat(byName(recreated).get(T).column("g").orElseThrow().generated()).isTrue();
        assertThat(columns(recreated, U)).as("the renamed table keeps its own columns").containsExactly("id", "a",
                "doc");
        assertThat(recreated.unchecked()).as("a CREATE TABLE from the binlog is checked").containsExactly(U);

        CatalogSnapshot dropped = history.snapshotAt(at(600));
        assertThat(byName(dropped)).containsOnlyKeys(T, COPY, OTHER);
        assertThat(columns(dropped, COPY)).containsExactly("id", "a", "doc");
        assertThat(history.versionsKept()).as("taking a version drops the older ones").isEqualTo(1);
        assertThatThrownBy(() -> history.snapshotAt(at(300))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bin.000001:300");
    }

    @Test
    void aVersionTakenOutOfOrderSkipsNoneAndTheCatalogStaysAtTheNewest() {
        SchemaHistory history = startingWithT();
        ddl(history, 200, "ALTER TABLE t ADD COLUMN b INT");
        ddl(history, 300, "ALTER TABLE t DROP COLUMN a");
        ddl(history, 400, "DROP DATABASE e");
        CatalogSnapshot third = history.snapshotAt(at(300));
        assertThat(columns(third, T)).as("both ALTERs up to it applied").containsExactly("id", "b");
        assertThat(byName(third)).containsKey(OTHER);
        CatalogSnapshot fourth = history.snapshotAt(at(400));
        assertThat(byName(fourth)).containsOnlyKeys(T);
        assertThat(history.catalog().table(T).orElseThrow().columns()).extracting(ColumnSchema::name)
                .containsExactly("id", "b");
        assertThatThrownBy(() -> ddl(history, 400, "ALTER TABLE t ADD COLUMN c INT"))
                .as("versions only move forward").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSnapshotRestoredIntoANewCatalogIsTheSameWithItsUncheckedTables() {
        SchemaHistory history = startingWithT();
        ddl(history, 200, "ALTER TABLE t ADD COLUMN created TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)");
        CatalogSnapshot saved = history.snapshotAt(at(200));
        SchemaCatalog restored = new SchemaCatalog();
        restored.restore(saved);
        assertThat(restored.snapshot()).isEqualTo(saved);
        assertThat(restored.checked(T)).isFalse();
        assertThat(restored.checked(OTHER)).isTrue();
        assertThat(restored.table(T).orElseThrow().column("created").orElseThrow().defaultText())
                .isEqualTo(Optional.of("CURRENT_TIMESTAMP(3)"));
    }

    @Test
    void checkingALoadedTableIsAVersionOfItsOwn() {
        SchemaHistory history = startingWithT();
        history.ddl(at(150), () -> history.catalog().check(history.catalog().keyOf(T)));
        assertThat(history.current()).isEqualTo(at(150));
        assertThat(history.snapshotAt(at(150)).unchecked()).isEmpty();
    }

    @Test
    void aTableLoadedBetweenDdlsBelongsToTheVersionInForceThen() {
        SchemaHistory history = startingWithT();
        history.amend(() -> history.catalog().load("CREATE TABLE `late` (`id` int(11) NOT NULL)", "d", false));
        ddl(history, 200, "ALTER TABLE t ADD COLUMN b INT");
        history.amend(() -> history.catalog().load("CREATE TABLE `later` (`id` int(11) NOT NULL)", "d", false));
        ddl(history, 300, "ALTER TABLE t ADD COLUMN c INT");
        TableName late = new TableName("d", "late");
        TableName later = new TableName("d", "later");
        assertThat(byName(history.snapshotAt(at(100)))).containsKey(late).doesNotContainKey(later);
        assertThat(byName(history.snapshotAt(at(200)))).containsKeys(late, later);
        assertThat(history.snapshotAt(at(300)).unchecked()).contains(late, later);
    }

    @Test
    void aTableMovedToAnotherSchemaAndAnExchangedPartitionKeepTheirColumns() {
        SchemaHistory history = startingWithT();
        ddl(history, 200, "RENAME TABLE d.t TO e.t");
        ddl(history, 300, "ALTER TABLE e.o EXCHANGE PARTITION p0 WITH TABLE e.t");
        CatalogSnapshot moved = history.snapshotAt(at(200));
        TableName movedT = new TableName("e", "t");
        assertThat(byName(moved)).containsKeys(movedT, OTHER).doesNotContainKey(T);
        assertThat(columns(moved, movedT)).containsExactly("id", "a");
        CatalogSnapshot exchanged = history.snapshotAt(at(300));
        assertThat(columns(exchanged, movedT)).containsExactly("id", "a");
        assertThat(columns(exchanged, OTHER)).containsExactly("id");
    }
}
