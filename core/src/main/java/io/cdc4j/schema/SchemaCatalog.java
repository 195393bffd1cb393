package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The schema of every table as of one point in the binlog: built from {@code CREATE TABLE} statements (those
 * {@code SHOW CREATE TABLE} prints at a start, and those in the binlog), then moved on by each table DDL in binlog
 * order. A DDL on a table it does not hold changes nothing but that table's absence; a DDL it cannot apply to a
 * table it holds is refused, never guessed at.
 *
 * <p>A table is <em>checked</em> when its schema is known for the binlog position being read: it was created by a
 * DDL read from the binlog, or loaded from a {@code SHOW CREATE TABLE} that nothing has changed since the position
 * the reader is at, then moved on only by DDL. A table loaded from the upstream as it is now, for a reader that may
 * be behind a DDL of it, is unchecked: its hints are the best there are, but the binlog, not the catalog, has the last
 * word on its columns.
 */
public final class SchemaCatalog {
    private final Map<TableName, TableSchema> tables = new HashMap<>();
    private final Set<TableName> unchecked = new HashSet<>();
    private final Set<TableName> touched = new HashSet<>();
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

    /** Whether the table is held and its schema is known for the position being read (see the class comment). */
    public boolean checked(TableName name) {
        TableName key = tableKey.apply(name);
        return tables.containsKey(key) && !unchecked.contains(key);
    }

    /** Forgets a table: its schema is to be read again. */
    public void forget(TableName name) {
        remove(name);
    }

    /** Forgets every table of a schema. */
    public void forgetSchema(String schema) {
        String key = schemaKey.apply(schema);
        List<TableName> names = tables.keySet().stream()
                .filter(name -> schemaKey.apply(name.schema()).equals(key)).toList();
        names.forEach(this::remove);
    }

    /** The tables held, and which of them are unchecked, as saved with a checkpoint. */
    public CatalogSnapshot snapshot() {
        return snapshotOf(tables.keySet().stream().map(key -> held(key).orElseThrow()).toList());
    }

    /** The snapshot of {@code held} tables: sorted by name, the unchecked ones listed apart. */
    static CatalogSnapshot snapshotOf(Collection<HeldTable> held) {
        return new CatalogSnapshot(held.stream().map(HeldTable::table)
                .sorted(Comparator.comparing(table -> table.name().toString())).toList(),
                held.stream().filter(table -> !table.checked()).map(table -> table.table().name())
                        .sorted(Comparator.comparing(TableName::toString)).toList());
    }

    /** Puts back every table of a snapshot, checked or not as it was saved. */
    public void restore(CatalogSnapshot snapshot) {
        for (TableSchema table : snapshot.tables()) {
            put(table);
        }
        for (TableName name : snapshot.unchecked()) {
            if (tables.containsKey(tableKey.apply(name))) {
                unchecked.add(tableKey.apply(name));
            }
        }
    }

    /**
     * The tables whose schema changed (added, replaced or removed) since the last call, by the name they are held
     * under (folded as the upstream folds names).
     */
    Set<TableName> drainTouched() {
        Set<TableName> drained = Set.copyOf(touched);
        touched.clear();
        return drained;
    }

    /** The schema held under a key {@link #drainTouched} gave, and whether it is checked; empty when none is. */
    Optional<HeldTable> held(TableName key) {
        TableSchema table = tables.get(key);
        return table == null ? Optional.empty() : Optional.of(new HeldTable(table, !unchecked.contains(key)));
    }

    /** A table's schema as the catalog holds it, and whether it is checked. */
    record HeldTable(TableSchema table, boolean checked) {
    }

    /** The key a table is held under (its name folded as the upstream folds names). */
    public TableName keyOf(TableName name) {
        return tableKey.apply(name);
    }

    /** A schema name folded as the upstream folds names. */
    public String schemaKeyOf(String schema) {
        return schemaKey.apply(schema);
    }

    /** Marks the table held under {@code key} checked: its schema is now known to be the one in force. */
    public void check(TableName key) {
        if (tables.containsKey(key) && unchecked.remove(key)) {
            touched.add(key);
        }
    }

    private void put(TableSchema table) {
        put(table, true);
    }

    private void put(TableSchema table, boolean isChecked) {
        TableName key = tableKey.apply(table.name());
        tables.put(key, table);
        if (isChecked) {
            unchecked.remove(key);
        } else {
            unchecked.add(key);
        }
        touched.add(key);
    }

    private TableSchema get(TableName name) {
        return tables.get(tableKey.apply(name));
    }

    private boolean isChecked(TableName name) {
        return !unchecked.contains(tableKey.apply(name));
    }

    private TableSchema remove(TableName name) {
        TableName key = tableKey.apply(name);
        TableSchema removed = tables.remove(key);
        unchecked.remove(key);
        if (removed != null) {
            touched.add(key);
        }
        return removed;
    }

    private boolean holds(TableName name) {
        return tables.containsKey(tableKey.apply(name));
    }

    /** Adds (or replaces) a checked table from a {@code CREATE TABLE}, as {@code SHOW CREATE TABLE} prints it. */
    public TableSchema load(String createTable, String schema) {
        return load(createTable, schema, true);
    }

    /**
     * Adds (or replaces) a table from a {@code CREATE TABLE}, as {@code SHOW CREATE TABLE} prints it; unchecked
     * when the upstream printed it for a later point of the binlog than the one being read.
     */
    public TableSchema load(String createTable, String schema, boolean isChecked) {
        TableSchema table = CreateTableReader.read(createTable, schema);
        put(table, isChecked);
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
                boolean wasChecked = isChecked(name);
                TableSchema after = AlterTableApplier.apply(before, alter, sessionSchema);
                remove(name);
                put(after, wasChecked);
            }
        } else if (ddl.renameTable() != null) {
            for (MariaDBParser.RenameTableClauseContext clause : ddl.renameTable().renameTableClause()) {
                TableName from = CreateTableReader.tableName(clause.tableName(0), sessionSchema);
                TableName to = CreateTableReader.tableName(clause.tableName(1), sessionSchema);
                boolean wasChecked = isChecked(from);
                TableSchema moved = remove(from);
                if (moved != null) {
                    put(renamed(moved, to), wasChecked);
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
                        CreateTableReader.columns(create.indexColumnNames()), false, create.UNIQUE() != null)),
                        isChecked(name));
            }
        } else if (ddl.dropIndex() != null) {
            MariaDBParser.DropIndexContext drop = ddl.dropIndex();
            TableName name = CreateTableReader.tableName(drop.tableName(), sessionSchema);
            TableSchema before = get(name);
            if (before != null) {
                put(AlterTableApplier.withoutIndex(before, DdlTrees.name(drop.uid()), drop.ifExists() != null, drop),
                        isChecked(name));
            }
        }
    }

    /**
     * Whether {@code sql} is a CREATE TABLE that lists its columns, so the table's schema after it is the statement's
     * whatever the table was before.
     */
    public static boolean definesColumns(String sql) {
        try {
            MariaDBParser.DdlStatementContext ddl = DdlTrees.parse(sql).ddlStatement();
            return ddl != null && ddl.createTable() instanceof MariaDBParser.ColumnCreateTableContext;
        } catch (RuntimeException e) {
            return false;
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
                    put(renamed(source, to), isChecked(from));
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
