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
 * @param tables the tables it touches (for a rename: old, new, old, new, ...)
 * @param schema the database a CREATE/DROP DATABASE names
 */
public record DdlStatement(DdlType type, List<TableName> tables, Optional<String> schema) {
    public DdlStatement {
        Objects.requireNonNull(type, "type");
        tables = List.copyOf(tables);
        Objects.requireNonNull(schema, "schema");
    }
}
