package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.TableName;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The schema of every table as of one point in the binlog: built from {@code CREATE TABLE} statements (those
 * {@code SHOW CREATE TABLE} prints at a start, and those in the binlog), then moved on by each table DDL in binlog
 * order. A DDL on a table it does not hold changes nothing but that table's absence; a DDL it cannot apply to a
 * table it holds is refused, never guessed at.
 */
public final class SchemaCatalog {
    private final Map<TableName, TableSchema> tables = new HashMap<>();
    private final UnaryOperator<TableName> tableKey;
    private final UnaryOperator<String> schemaKey;

    /**
     * The DDL grammar's tables, built once per process (most of a second) on a thread of their own from the first
     * call on, so that the first table or DDL a reader meets does not wait for them: a reader joins the returned
     * future before it reads.
     */
    public static CompletableFuture<Void> parserReady() {
        return ParserWarmUp.READY;
    }

    /** Holds the one warm-up of the process, started when first asked for. */
    private static final class ParserWarmUp {
        private static final CompletableFuture<Void> READY = CompletableFuture.runAsync(DdlTrees::warmUp,
                runnable -> Thread.ofPlatform().daemon().name("cdc4j-ddl-grammar").start(runnable));
    }

    /** A catalog that tells names apart exactly. */
    public SchemaCatalog() {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * A catalog that tells names apart as the upstream does: two names with the same key are one table (an upstream
     * with {@code lower_case_table_names} 1 or 2 folds case).
     */
    public SchemaCatalog(UnaryOperator<TableName> tableKey, UnaryOperator<String> schemaKey) {
        this.tableKey = tableKey;
        this.schemaKey = schemaKey;
    }

    /** The table's schema as of the DDL applied last. */
    public Optional<TableSchema> table(TableName name) {
        return Optional.ofNullable(tables.get(tableKey.apply(name)));
    }

    /** Every table held. */
    public List<TableSchema> tables() {
        return List.copyOf(tables.values());
    }

    /** Forgets a table: its schema is to be read again. */
    public void forget(TableName name) {
        tables.remove(tableKey.apply(name));
    }

    /** Forgets every table of a schema. */
    public void forgetSchema(String schema) {
        String key = schemaKey.apply(schema);
        tables.keySet().removeIf(name -> schemaKey.apply(name.schema()).equals(key));
    }

    private void put(TableSchema table) {
        tables.put(tableKey.apply(table.name()), table);
    }

    private TableSchema get(TableName name) {
        return tables.get(tableKey.apply(name));
    }

    private TableSchema remove(TableName name) {
        return tables.remove(tableKey.apply(name));
    }

    private boolean holds(TableName name) {
        return tables.containsKey(tableKey.apply(name));
    }

    /** Adds (or replaces) a table from a {@code CREATE TABLE}, as {@code SHOW CREATE TABLE} prints it. */
    public TableSchema load(String createTable, String schema) {
        TableSchema table = CreateTableReader.read(createTable, schema);
        put(table);
        return table;
    }

    /**
     * Applies one DDL statement run in {@code sessionSchema}: CREATE TABLE (with columns, or LIKE), ALTER TABLE,
     * RENAME TABLE, DROP TABLE, CREATE and DROP INDEX, DROP DATABASE; TRUNCATE and every other statement change no
     * schema.
     *
     * @throws CdcException HANDLE_DDL_FAILED when it cannot be parsed, or cannot be applied to a table held
     */
    public void apply(String sql, String sessionSchema) {
        MariaDBParser.DdlStatementContext ddl = DdlTrees.parse(sql).ddlStatement();
        if (ddl == null) {
            return;
        }
        if (ddl.createTable() != null) {
            createTable(ddl.createTable(), sessionSchema, sql);
        } else if (ddl.alterTable() != null) {
            MariaDBParser.AlterTableContext alter = ddl.alterTable();
            TableName name = CreateTableReader.tableName(alter.tableName(), sessionSchema);
            TableSchema before = get(name);
            if (before != null) {
                TableSchema after = AlterTableApplier.apply(before, alter, sessionSchema);
                remove(name);
                put(after);
            }
        } else if (ddl.renameTable() != null) {
            for (MariaDBParser.RenameTableClauseContext clause : ddl.renameTable().renameTableClause()) {
                TableName from = CreateTableReader.tableName(clause.tableName(0), sessionSchema);
                TableName to = CreateTableReader.tableName(clause.tableName(1), sessionSchema);
                TableSchema moved = remove(from);
                if (moved != null) {
                    put(renamed(moved, to));
                }
            }
        } else if (ddl.dropTable() != null) {
            for (MariaDBParser.TableNameContext name : ddl.dropTable().tables().tableName()) {
                remove(CreateTableReader.tableName(name, sessionSchema));
            }
        } else if (ddl.dropDatabase() != null) {
            forgetSchema(DdlTrees.name(ddl.dropDatabase().uid()));
        } else if (ddl.createIndex() != null) {
            MariaDBParser.CreateIndexContext create = ddl.createIndex();
            TableName name = CreateTableReader.tableName(create.tableName(), sessionSchema);
            TableSchema before = get(name);
            if (before != null) {
                put(AlterTableApplier.withIndex(before, new IndexSchema(DdlTrees.name(create.uid()),
                        CreateTableReader.columns(create.indexColumnNames()), false, create.UNIQUE() != null)));
            }
        } else if (ddl.dropIndex() != null) {
            MariaDBParser.DropIndexContext drop = ddl.dropIndex();
            TableName name = CreateTableReader.tableName(drop.tableName(), sessionSchema);
            TableSchema before = get(name);
            if (before != null) {
                put(AlterTableApplier.withoutIndex(before, DdlTrees.name(drop.uid()), drop.ifExists() != null, drop));
            }
        }
    }

    private void createTable(MariaDBParser.CreateTableContext create, String sessionSchema, String sql) {
        switch (create) {
            case MariaDBParser.ColumnCreateTableContext columns -> {
                TableSchema table = CreateTableReader.read(columns, sessionSchema);
                if (columns.ifNotExists() == null || !holds(table.name())) {
                    put(table);
                }
            }
            case MariaDBParser.CopyCreateTableContext copy -> {
                TableName to = CreateTableReader.tableName(copy.tableName(0), sessionSchema);
                TableName from = CreateTableReader.tableName(copy.tableName(1), sessionSchema);
                TableSchema source = get(from);
                if (source == null) {
                    throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot apply [" + sql + "]: it does"
                            + " not hold the schema of " + from);
                }
                if (copy.ifNotExists() == null || !holds(to)) {
                    put(renamed(source, to));
                }
            }
            default -> throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot tell the columns that ["
                    + sql + "] creates (CREATE TABLE ... SELECT): read them with SHOW CREATE TABLE instead");
        }
    }

    private static TableSchema renamed(TableSchema table, TableName to) {
        return new TableSchema(to, table.columns(), table.indexes(), table.charset(), table.collation());
    }
}
