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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateTableReaderTest {
    /** What MariaDB 10.11's SHOW CREATE TABLE prints for a table with most kinds of column and key. */
    private static final String SHOWN = """
            CREATE TABLE `Orders` (
              `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
              `code` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'x''y',
              `doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`doc`)),
              `price` decimal(10,2) unsigned DEFAULT 0.00,
              `total` decimal(12,2) GENERATED ALWAYS AS (`price` * 2) VIRTUAL,
              `at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
              `we``ird` int(11) DEFAULT NULL,
              PRIMARY KEY (`id`),
              UNIQUE KEY `code_at` (`code`,`at`),
              KEY `at` (`at`),
              FULLTEXT KEY `ft` (`code`)
            ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci""";

    @Test
    void showCreateTableOutputGivesEveryColumnFactAndKey() {
        TableSchema table = CreateTableReader.read(SHOWN, "shop");
        assertThat(table.name()).isEqualTo(new TableName("shop", "Orders"));
        assertThat(table.columns()).extracting(ColumnSchema::name)
                .containsExactly("id", "code", "doc", "price", "total", "at", "we`ird");
        assertThat(table.columns()).extracting(ColumnSchema::typeText).containsExactly("bigint(20) unsigned",
                "varchar(16)", "longtext", "decimal(10,2) unsigned", "decimal(12,2)", "datetime(3)", "int(11)");
        ColumnSchema id = table.column("ID").orElseThrow();
        assertThat(id.nullable()).isFalse();
        assertThat(id.autoIncrement()).isTrue();
        ColumnSchema code = table.column("code").orElseThrow();
        assertThat(code.charset()).contains("utf8mb4");
        assertThat(code.collation()).contains("utf8mb4_bin");
        assertThat(code.defaultText()).contains("'x''y'");
        assertThat(code.nullable()).isFalse();
        assertThat(table.column("doc").orElseThrow().defaultText()).contains("NULL");
        assertThat(table.isJson("doc")).as("MariaDB's JSON: LONGTEXT with CHECK (json_valid(`doc`))").isTrue();
        assertThat(table.isJson("code")).isFalse();
        assertThat(table.column("total").orElseThrow().generated()).isTrue();
        assertThat(table.column("price").orElseThrow().generated()).isFalse();
        assertThat(table.column("at").orElseThrow().defaultText()).contains("current_timestamp(3)");
        assertThat(table.column("at").orElseThrow().autoIncrement()).as("ON UPDATE is no auto increment").isFalse();
        assertThat(table.primaryKey()).contains(new IndexSchema("PRIMARY", List.of("id"), true, true));
        assertThat(table.uniqueKeys()).containsExactly(new IndexSchema("code_at", List.of("code", "at"), false, true));
        assertThat(table.indexes()).extracting(IndexSchema::name).containsExactly("PRIMARY", "code_at", "at", "ft");
        assertThat(table.charset()).contains("latin1");
        assertThat(table.collation()).contains("latin1_swedish_ci");
    }

    @Test
    void aHandWrittenCreateTableWithInlineKeysAndASchemaOfItsOwn() {
        TableSchema table = CreateTableReader.read("create table `other`.t (a int primary key, b json, "
                + "c varchar(5) unique, d int unique, unique (c, d), index (d)) charset utf8mb4", "session");
        assertThat(table.name()).isEqualTo(new TableName("other", "t"));
        assertThat(table.column("a").orElseThrow().nullable()).as("a primary key column is NOT NULL").isFalse();
        assertThat(table.isJson("B")).isTrue();
        assertThat(table.isJson("c")).isFalse();
        assertThat(table.uniqueKeys()).extracting(IndexSchema::name).as("MySQL's names for unnamed keys")
                .containsExactly("c", "d", "c_2");
        assertThat(table.indexes()).extracting(IndexSchema::name).containsExactly("PRIMARY", "c", "d", "c_2", "d_2");
        assertThat(table.charset()).contains("utf8mb4");
        assertThat(table.collation()).isEmpty();
        assertThat(table.column("c").orElseThrow().charset()).isEqualTo(Optional.empty());
    }

    @Test
    void whatIsNotACreateTableWithColumnsOrDoesNotParseIsRefusedNamingIt() {
        assertThatThrownBy(() -> CreateTableReader.read("CREATE TABLE t LIKE u", "d"))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HANDLE_DDL_FAILED))
                .hasMessageContaining("CREATE TABLE t LIKE u");
        assertThatThrownBy(() -> CreateTableReader.read("CREATE TABEL t (a int)", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("cannot parse").hasMessageContaining("TABEL");
        assertThatThrownBy(() -> CreateTableReader.read("CREATE TABLE t (a int, KEY ((a + 1)))", "d"))
                .isInstanceOf(CdcException.class).hasMessageContaining("expression");
    }
}
