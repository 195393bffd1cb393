package io.cdc4j.upstream.ddl;

import io.cdc4j.model.DdlType;
import io.cdc4j.model.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The classification of one DDL statement.
 *
 * @param type the DDL's kind
 * @param tables the tables and views it changes, each with its own schema (for a rename: old, new, old, new, ...)
 * @param schema the database a CREATE/ALTER/DROP DATABASE changes
 */
public record DdlStatement(DdlType type, List<TableName> tables, Optional<String> schema) {
    public DdlStatement {
        Objects.requireNonNull(type, "type");
        tables = List.copyOf(tables);
        Objects.requireNonNull(schema, "schema");
    }
}
