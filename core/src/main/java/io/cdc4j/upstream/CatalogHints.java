package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.schema.TableSchema;
import io.cdc4j.upstream.decode.ColumnHints;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final AtomicBoolean PARSER_PREPARED = new AtomicBoolean();

    private final SchemaCatalog catalog;
    private final UpstreamDatabase database;

    /** Hints read through {@code database}, whose tables are told apart as {@code nameCase} says. */
    CatalogHints(UpstreamDatabase database, TableNameCase nameCase) {
        this.database = database;
        this.catalog = new SchemaCatalog(nameCase::key, nameCase::key);
        if (PARSER_PREPARED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("cdc4j-ddl-grammar").start(CatalogHints::prepareParser);
        }
    }

    /** Builds the grammar's tables while the reader connects; a failure here is met again, and reported, at use. */
    private static void prepareParser() {
        try {
            SchemaCatalog.prepareParser();
        } catch (RuntimeException e) {
            LOG.warn("preparing the DDL grammar failed; the first DDL read will report it", e);
        }
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
            } catch (CdcException e) {
                LOG.warn("cdc4j cannot read the definition of table {} ({}); its columns are read from"
                        + " information_schema as they are now", table, e.getMessage());
                return database.columnHints(table.schema(), table.table());
            }
        }
        return ColumnHints.of(known.get());
    }

    @Override
    public void ddl(String query, String sessionSchema, List<TableName> tables, Optional<String> schema) {
        try {
            catalog.apply(query, sessionSchema);
        } catch (CdcException e) {
            LOG.warn("cdc4j cannot apply the DDL [{}] to the schema it holds ({}); tables {} are read from the"
                    + " upstream again, as they are now", query, e.getMessage(), tables);
            tables.forEach(catalog::forget);
            schema.ifPresent(catalog::forgetSchema);
        }
    }
}
