package io.cdc4j.upstream.decode;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import io.cdc4j.schema.CreateTableReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static final TableName T = new TableName("d", "t");

    private static TableSchema version(String createTable) {
        return CreateTableReader.read(createTable, "d");
    }

    @Test
    void aTableMapListingTheVersionsColumnsAndKeyPasses() {
        TableSchema held = version("CREATE TABLE t (ID INT PRIMARY KEY, a INT, g INT AS (a + 1) VIRTUAL)");
        assertThatCode(() -> SchemaCheck.agree(T, List.of("id", "a", "g"), List.of(0), held))
                .as("names compare without case").doesNotThrowAnyException();
    }

    @Test
    void aColumnMoreOrRenamedOrAnotherPrimaryKeyIsAnErrorShowingBoth() {
        TableSchema held = version("CREATE TABLE t (id INT PRIMARY KEY, a INT)");
        assertThatThrownBy(() -> SchemaCheck.agree(T, List.of("id", "a", "b"), List.of(0), held))
                .isInstanceOf(CdcException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((CdcException) e).errorCode())
                        .isEqualTo(ErrorCode.SCHEMA_MISMATCH))
                .hasMessageContaining("[id, a, b]").hasMessageContaining("[id, a]")
                .hasMessageContaining("`d`.`t`");
        assertThatThrownBy(() -> SchemaCheck.agree(T, List.of("id", "z"), List.of(0), held))
                .hasMessageContaining("[id, z]");
        assertThatThrownBy(() -> SchemaCheck.agree(T, List.of("id", "a"), List.of(1), held))
                .hasMessageContaining("primary key [a]").hasMessageContaining("primary key [id]");
    }

    @Test
    void withoutADeclaredPrimaryKeyTheServersChoiceOfAUniqueKeyIsNotAMismatch() {
        TableSchema held = version("CREATE TABLE t (id INT NOT NULL, a INT, UNIQUE KEY u (id))");
        assertThatCode(() -> SchemaCheck.agree(T, List.of("id", "a"), List.of(0), held)).doesNotThrowAnyException();
    }
}
