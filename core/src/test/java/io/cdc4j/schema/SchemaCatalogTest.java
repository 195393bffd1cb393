package io.cdc4j.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {
    private static final TableName T = new TableName("d", "t");

    private static SchemaCatalog withT() {
        SchemaCatalog catalog = new SchemaCatalog();
        catalog.apply("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), b INT, KEY kb (b))", "d");
        return catalog;
    }

    private static List<String> columns(SchemaCatalog catalog, TableName table) {
        return catalog.table(table).orElseThrow().columns().stream().map(ColumnSchema::name).toList();
    }

    @Test
    void columnsAreAddedWhereTheAlterSaysAndDroppedOutOfTheirIndexes() {
        SchemaCatalog catalog = withT();
        catalog.apply("ALTER TABLE t ADD COLUMN z JSON FIRST, ADD c DATE AFTER a, ADD COLUMN e BIT(3)", "d");
        assertThat(columns(catalog, T)).containsExactly("z", "id", "a", "c", "b", "e");
        assertThat(catalog.table(T).orElseThrow().isJson("z")).isTrue();
        catalog.apply("ALTER TABLE d.t ADD COLUMN (f INT, g INT UNIQUE)", "other");
        assertThat(columns(catalog, T)).endsWith("f", "g");
        assertThat(catalog.table(T).orElseThrow().uniqueKeys()).extracting(IndexSchema::columns)
                .containsExactly(List.of("g"));
        catalog.apply("ALTER TABLE t DROP COLUMN b, DROP g", "d");
        assertThat(columns(catalog, T)).containsExactly("z", "id", "a", "c", "e", "f");
        assertThat(catalog.table(T).orElseThrow().indexes()).extracting(IndexSchema::name)
                .as("an index left without columns goes with them").containsExactly("PRIMARY");
    }

    @Test
    void modifyChangeAndRenameColumnKeepTheirKeysUpToDate() {
        SchemaCatalog catalog = withT();
        catalog.apply("ALTER TABLE t MODIFY a VARCHAR(20) NOT NULL DEFAULT 'q' AFTER b", "d");
        TableSchema modified = catalog.table(T).orElseThrow();
        assertThat(columns(catalog, T)).containsExactly("id", "b", "a");
        assertThat(modified.column("a").orElseThrow().typeText()).isEqualTo("varchar(20)");
        assertThat(modified.column("a").orElseThrow().nullable()).isFalse();
        catalog.apply("ALTER TABLE t CHANGE b bee BIGINT UNSIGNED", "d");
        assertThat(columns(catalog, T)).containsExactly("id", "bee", "a");
        assertThat(catalog.table(T).orElseThrow().indexes()).extracting(IndexSchema::columns)
                .containsExactly(List.of("id"), List.of("bee"));
        catalog.apply("ALTER TABLE t RENAME COLUMN bee TO b2, ALTER COLUMN a DROP DEFAULT", "d");
        assertThat(catalog.table(T).orElseThrow().index("kb").orElseThrow().columns()).containsExactly("b2");
        assertThat(catalog.table(T).orElseThrow().column("a").orElseThrow().defaultText()).isEmpty();
        catalog.apply("ALTER TABLE t ALTER a SET DEFAULT 'r'", "d");
        assertThat(catalog.table(T).orElseThrow().column("a").orElseThrow().defaultText()).contains("'r'");
    }

    @Test
    void keysComeAndGoByAlterAndByCreateAndDropIndex() {
        SchemaCatalog catalog = withT();
        catalog.apply("ALTER TABLE t DROP PRIMARY KEY, ADD UNIQUE KEY ua (a), DROP INDEX kb", "d");
        TableSchema table = catalog.table(T).orElseThrow();
        assertThat(table.primaryKey()).isEmpty();
        assertThat(table.uniqueKeys()).extracting(IndexSchema::name).containsExactly("ua");
        catalog.apply("ALTER TABLE t ADD PRIMARY KEY (b), RENAME INDEX ua TO ub", "d");
        table = catalog.table(T).orElseThrow();
        assertThat(table.primaryKey().orElseThrow().columns()).containsExactly("b");
        assertThat(table.column("b").orElseThrow().nullable()).as("a primary key column is NOT NULL").isFalse();
        assertThat(table.uniqueKeys()).extracting(IndexSchema::name).containsExactly("ub");
        catalog.apply("CREATE UNIQUE INDEX uid ON t (id)", "d");
        catalog.apply("ALTER TABLE t ADD INDEX kp (a(4), b)", "d");
        assertThat(catalog.table(T).orElseThrow().index("kp").orElseThrow().prefixLengths()).containsExactly(4, 0);
        catalog.apply("ALTER TABLE t DROP COLUMN b", "d");
        assertThat(catalog.table(T).orElseThrow().index("kp").orElseThrow())
                .isEqualTo(new IndexSchema("kp", List.of("a"), List.of(4), false, false));
        catalog.apply("ALTER TABLE t ADD COLUMN b INT NOT NULL", "d");
        catalog.apply("DROP INDEX ub ON t", "d");
        assertThat(catalog.table(T).orElseThrow().uniqueKeys()).extracting(IndexSchema::name).containsExactly("uid");
        assertThatThrownBy(() -> catalog.apply("ALTER TABLE t DROP INDEX nothing", "d"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HANDLE_DDL_FAILED))
                .hasMessageContaining("no index nothing");
        catalog.apply("ALTER TABLE t DROP INDEX IF EXISTS nothing", "d");
    }

    @Test
    void tablesAreRenamedCopiedDroppedAndCreatedAgainUnderOneName() {
        SchemaCatalog catalog = withT();
        catalog.apply("RENAME TABLE t TO t2, d.t2 TO e.t3", "d");
        assertThat(catalog.table(T)).isEmpty();
        TableName t3 = new TableName("e", "t3");
        assertThat(columns(catalog, t3)).containsExactly("id", "a", "b");
        catalog.apply("ALTER TABLE e.t3 RENAME TO d.t", "x");
        assertThat(catalog.table(t3)).isEmpty();
        catalog.apply("CREATE TABLE copy LIKE t", "d");
        assertThat(columns(catalog, new TableName("d", "copy"))).containsExactly("id", "a", "b");
        catalog.apply("DROP TABLE IF EXISTS t, copy", "d");
        assertThat(catalog.tables()).isEmpty();
        catalog.apply("CREATE TABLE t (other INT)", "d");
        assertThat(columns(catalog, T)).containsExactly("other");
        catalog.apply("CREATE TABLE IF NOT EXISTS t (ignored INT)", "d");
        assertThat(columns(catalog, T)).containsExactly("other");
        catalog.apply("DROP DATABASE d", "x");
        assertThat(catalog.tables()).isEmpty();
    }

    @Test
    void aCatalogFoldingCaseTakesNamesInAnyCaseForOneTable() {
        UnaryOperator<String> fold = name -> name.toLowerCase(Locale.ROOT);
        SchemaCatalog catalog = new SchemaCatalog(name -> new TableName(fold.apply(name.schema()),
                fold.apply(name.table())), fold);
        catalog.apply("CREATE TABLE D.Foo (id INT PRIMARY KEY)", "x");
        catalog.apply("ALTER TABLE d.FOO ADD COLUMN v INT", "x");
        assertThat(columns(catalog, new TableName("d", "foo"))).containsExactly("id", "v");
        catalog.apply("RENAME TABLE d.foo TO D.Bar", "x");
        assertThat(catalog.table(new TableName("D", "FOO"))).isEmpty();
        catalog.apply("DROP DATABASE d", "x");
        assertThat(catalog.tables()).isEmpty();
        SchemaCatalog exact = new SchemaCatalog();
        exact.apply("CREATE TABLE d.Foo (id INT PRIMARY KEY)", "x");
        exact.apply("CREATE TABLE d.foo (other INT)", "x");
        assertThat(columns(exact, new TableName("d", "Foo"))).containsExactly("id");
        assertThat(exact.tables()).hasSize(2);
    }

    @Test
    void whatChangesNoSchemaIsLeftAloneAndWhatCannotBeToldIsRefused() {
        SchemaCatalog catalog = withT();
        TableSchema before = catalog.table(T).orElseThrow();
        catalog.apply("ALTER TABLE t ENGINE=InnoDB, ALGORITHM=INPLACE, LOCK=NONE, FORCE", "d");
        catalog.apply("TRUNCATE TABLE t", "d");
        catalog.apply("CREATE DATABASE other", "d");
        catalog.apply("ALTER TABLE unknown ADD COLUMN x INT", "d");
        assertThat(catalog.table(T)).contains(before);
        assertThatThrownBy(() -> catalog.apply("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("TEXT to MEDIUMTEXT");
        catalog.apply("ALTER TABLE t DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_bin", "d");
        assertThat(catalog.table(T).orElseThrow().charset()).contains("utf8mb4");
        assertThat(catalog.table(T).orElseThrow().collation()).contains("utf8mb4_bin");
        assertThatThrownBy(() -> catalog.apply("CREATE TABLE s SELECT * FROM t", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("CREATE TABLE ... SELECT");
        assertThatThrownBy(() -> catalog.apply("ALTER TABLE t ADD COLUMN nope", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("cannot parse");
        assertThatThrownBy(() -> catalog.apply("ALTER TABLE t MODIFY missing INT", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("no column missing");
    }

    @Test
    void partitionOperationsLeaveColumnsAndKeysAsTheyAre() {
        SchemaCatalog catalog = withT();
        TableSchema before = catalog.table(T).orElseThrow();
        for (String sql : List.of("ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE d.t2",
                "ALTER TABLE t ADD PARTITION (PARTITION p9 VALUES LESS THAN (900))", "ALTER TABLE t DROP PARTITION p1",
                "ALTER TABLE t TRUNCATE PARTITION p2", "ALTER TABLE t REMOVE PARTITIONING")) {
            catalog.apply(sql, "d");
            assertThat(catalog.table(T)).as(sql).contains(before);
        }
    }
}
