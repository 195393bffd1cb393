package io.cdc4j.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import java.util.List;

/**
 * Every table schema a catalog holds at one point of the binlog, as saved with the checkpoints that resume there, so
 * that a reader restarted from them decodes with the schemas of that time and not with the upstream's schemas now.
 *
 * @param tables the tables held
 * @param unchecked the names of those whose schema was read from the upstream for a later point than the one they
 *                  stand for (see {@link SchemaCatalog})
 */
public record CatalogSnapshot(@JsonProperty("tables") List<TableSchema> tables,
                              @JsonProperty("unchecked") List<TableName> unchecked) {
    public CatalogSnapshot {
        tables = tables == null ? List.of() : List.copyOf(tables);
        unchecked = unchecked == null ? List.of() : List.copyOf(unchecked);
    }
}
