package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.schema.TableSchema;
import io.cdc4j.upstream.decode.ColumnHints;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The column hints of each table as of the binlog position being read: a table first met is read with
 * {@code SHOW CREATE TABLE} (the upstream's schema now), and every table DDL read from the binlog is applied to
 * that schema, so rows written between two DDLs get the hints of their time even when the reader is far behind. A
 * DDL the catalog cannot apply makes it forget the tables the DDL names, which are then read from the upstream
 * again, as they are now (what cdc4j did for every DDL before), with a warning naming the DDL.
 */
final class CatalogHints implements TransactionAssembler.HintSource {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogHints.class);

    private final SchemaCatalog catalog;
    private final UpstreamDatabase database;

    /** Hints read through {@code database}, whose tables are told apart as {@code nameCase} says. */
    CatalogHints(UpstreamDatabase database, TableNameCase nameCase) {
        this.database = database;
        this.catalog = new SchemaCatalog(nameCase::key, nameCase::key);
    }

    /** The failure itself, for its stack trace, when it is not one of ours (whose message says it all). */
    private static Throwable stackOf(RuntimeException e) {
        return e instanceof CdcException ? null : e;
    }

    @Override
    public ColumnHints hints(TableName table) {
        Optional<TableSchema> known = catalog.table(table);
        if (known.isEmpty()) {
            Optional<String> created = database.showCreateTable(table);
            if (created.isEmpty()) {
                return ColumnHints.NONE;
            }
            try {
                known = Optional.of(catalog.load(created.get(), table.schema()));
            } catch (RuntimeException e) {
                LOG.warn("cdc4j cannot read the definition of table {} ({}); its columns are read from"
                        + " information_schema as they are now", table, e.getMessage(), stackOf(e));
                return database.columnHints(table.schema(), table.table());
            }
        }
        return ColumnHints.of(known.get());
    }

    @Override
    public void ddl(String query, String sessionSchema, List<TableName> tables, Optional<String> schema) {
        try {
            catalog.apply(query, sessionSchema);
        } catch (RuntimeException e) {
            LOG.warn("cdc4j cannot apply the DDL [{}] to the schema it holds ({}); tables {} are read from the"
                    + " upstream again, as they are now", query, e.getMessage(), tables, stackOf(e));
            tables.forEach(catalog::forget);
            schema.ifPresent(catalog::forgetSchema);
        }
    }
}
