package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Applies an {@code ALTER TABLE} to the version before it, specification by specification as MySQL does: columns
 * added (first, after one, or last), dropped (and taken out of their indexes), modified, changed and renamed,
 * defaults set and dropped, keys and indexes added, dropped and renamed, the table renamed or given another
 * default charset. A specification that changes nothing a version holds (partitions, locks, algorithms, checks,
 * foreign keys, engine options) leaves it as it is; any other is refused rather than guessed at.
 */
final class AlterTableApplier {
    /** Specifications that change no column, key, name or charset of a version. */
    private static final Set<Class<?>> UNCHANGING = Set.of(MariaDBParser.AlterByLockContext.class,
            MariaDBParser.AlterBySetAlgorithmContext.class, MariaDBParser.AlterByForceContext.class,
            MariaDBParser.AlterByValidateContext.class, MariaDBParser.AlterByOrderContext.class,
            MariaDBParser.AlterByEnableKeysContext.class, MariaDBParser.AlterByDisableKeysContext.class,
            MariaDBParser.AlterByDiscardTablespaceContext.class, MariaDBParser.AlterByImportTablespaceContext.class,
            MariaDBParser.AlterByAddCheckTableConstraintContext.class,
            MariaDBParser.AlterByDropConstraintCheckContext.class, MariaDBParser.AlterByAddForeignKeyContext.class,
            MariaDBParser.AlterByDropForeignKeyContext.class, MariaDBParser.AlterByAlterIndexVisibilityContext.class,
            MariaDBParser.AlterByAlterIndexIgnoreContext.class,
            // every partition operation (ADD, DROP, EXCHANGE, REORGANIZE, REMOVE PARTITIONING ...) moves rows
            // between partitions or tables of one shape: it changes no column or key
            MariaDBParser.AlterPartitionContext.class);

    private final List<ColumnSchema> columns;
    private final List<IndexSchema> indexes;
    private TableName name;
    private Optional<String> charset;
    private Optional<String> collation;

    private AlterTableApplier(TableSchema before) {
        columns = new ArrayList<>(before.columns());
        indexes = new ArrayList<>(before.indexes());
        name = before.name();
        charset = before.charset();
        collation = before.collation();
    }

    /**
     * The version {@code alter} makes of {@code before}.
     *
     * @throws CdcException HANDLE_DDL_FAILED for a specification it cannot apply, or one naming a column or index
     *                      the version does not have
     */
    static TableSchema apply(TableSchema before, MariaDBParser.AlterTableContext alter, String sessionSchema) {
        AlterTableApplier applier = new AlterTableApplier(before);
        for (MariaDBParser.AlterSpecificationContext specification : alter.alterSpecification()) {
            applier.apply(specification, sessionSchema);
        }
        return applier.version();
    }

    /** {@code before} with one more index, as {@code CREATE INDEX} makes it. */
    static TableSchema withIndex(TableSchema before, IndexSchema index) {
        AlterTableApplier applier = new AlterTableApplier(before);
        applier.indexes.add(index);
        return applier.version();
    }

    /**
     * {@code before} without an index, as {@code DROP INDEX} (the {@code statement}) makes it.
     *
     * @throws CdcException HANDLE_DDL_FAILED when the table has no such index and the statement has no IF EXISTS
     */
    static TableSchema withoutIndex(TableSchema before, String index, boolean ifExists, ParserRuleContext statement) {
        AlterTableApplier applier = new AlterTableApplier(before);
        applier.dropIndex(index, ifExists, statement);
        return applier.version();
    }

    private TableSchema version() {
        return new TableSchema(name, CreateTableReader.primaryKeyNotNull(columns, indexes), indexes, charset,
                collation);
    }

    private void apply(MariaDBParser.AlterSpecificationContext specification, String sessionSchema) {
        switch (specification) {
            case MariaDBParser.AlterByAddColumnContext add -> {
                String column = DdlTrees.name(add.uid(0));
                insert(CreateTableReader.column(column, add.columnDefinition()), add.FIRST() != null,
                        add.AFTER() != null ? Optional.of(DdlTrees.name(add.uid(1))) : Optional.empty());
                CreateTableReader.inlineKeys(column, add.columnDefinition(), indexes);
            }
            case MariaDBParser.AlterByAddColumnsContext add -> {
                for (int i = 0; i < add.columnDefinition().size(); i++) {
                    String column = DdlTrees.name(add.uid(i));
                    columns.add(CreateTableReader.column(column, add.columnDefinition(i)));
                    CreateTableReader.inlineKeys(column, add.columnDefinition(i), indexes);
                }
            }
            case MariaDBParser.AlterByAddDefinitionsContext add ->
                    add.createDefinition().forEach(d -> CreateTableReader.addDefinition(d, columns, indexes));
            case MariaDBParser.AlterByDropColumnContext drop -> dropColumn(DdlTrees.name(drop.uid()));
            case MariaDBParser.AlterByModifyColumnContext modify -> {
                String column = DdlTrees.name(modify.uid(0));
                replace(column, CreateTableReader.column(columns.get(indexOf(column)).name(),
                        modify.columnDefinition()), modify.FIRST() != null,
                        modify.AFTER() != null ? Optional.of(DdlTrees.name(modify.uid(1))) : Optional.empty());
                CreateTableReader.inlineKeys(column, modify.columnDefinition(), indexes);
            }
            case MariaDBParser.AlterByChangeColumnContext change -> {
                String from = DdlTrees.name(change.uid(0));
                String to = DdlTrees.name(change.uid(1));
                replace(from, CreateTableReader.column(to, change.columnDefinition()), change.FIRST() != null,
                        change.AFTER() != null ? Optional.of(DdlTrees.name(change.uid(2))) : Optional.empty());
                renameInIndexes(from, to);
                CreateTableReader.inlineKeys(to, change.columnDefinition(), indexes);
            }
            case MariaDBParser.AlterByRenameColumnContext rename -> {
                String from = DdlTrees.name(rename.uid(0));
                String to = DdlTrees.name(rename.uid(1));
                int at = indexOf(from);
                ColumnSchema old = columns.get(at);
                columns.set(at, new ColumnSchema(to, old.typeText(), old.nullable(), old.defaultText(), old.charset(),
                        old.collation(), old.generated(), old.autoIncrement(), old.json()));
                renameInIndexes(from, to);
            }
            case MariaDBParser.AlterByChangeDefaultContext change -> {
                int at = indexOf(DdlTrees.name(change.uid()));
                ColumnSchema old = columns.get(at);
                Optional<String> value = change.SET() != null
                        ? Optional.of(CreateTableReader.defaultValue(change.defaultValue())) : Optional.empty();
                columns.set(at, new ColumnSchema(old.name(), old.typeText(), old.nullable(), value, old.charset(),
                        old.collation(), old.generated(), old.autoIncrement(), old.json()));
            }
            case MariaDBParser.AlterByAddIndexContext add -> indexes.add(CreateTableReader.named(add.uid(),
                    CreateTableReader.columns(add.indexColumnNames()), indexes));
            case MariaDBParser.AlterByAddSpecialIndexContext add -> indexes.add(CreateTableReader.named(add.uid(),
                    CreateTableReader.columns(add.indexColumnNames()), indexes));
            case MariaDBParser.AlterByAddUniqueKeyContext add -> indexes.add(CreateTableReader.uniqueKey(add.uid(),
                    CreateTableReader.columns(add.indexColumnNames()), indexes));
            case MariaDBParser.AlterByAddPrimaryKeyContext add -> {
                if (indexes.stream().anyMatch(IndexSchema::primary)) {
                    throw refused(specification, "the table has a primary key already");
                }
                indexes.addFirst(new IndexSchema(IndexSchema.PRIMARY,
                        CreateTableReader.columns(add.indexColumnNames()), true, true));
            }
            case MariaDBParser.AlterByDropIndexContext drop -> dropIndex(DdlTrees.name(drop.uid()),
                    drop.ifExists() != null, specification);
            case MariaDBParser.AlterByDropPrimaryKeyContext drop -> dropIndex(IndexSchema.PRIMARY, false,
                    specification);
            case MariaDBParser.AlterByRenameIndexContext rename -> {
                String from = DdlTrees.name(rename.uid(0));
                int at = indexOfIndex(from, specification);
                IndexSchema old = indexes.get(at);
                indexes.set(at, old.named(DdlTrees.name(rename.uid(1))));
            }
            case MariaDBParser.AlterByRenameContext rename -> name = rename.fullId() != null
                    ? CreateTableReader.tableName(rename.fullId(), sessionSchema)
                    : new TableName(name.schema(), DdlTrees.name(rename.uid()));
            case MariaDBParser.AlterByDefaultCharsetContext set -> {
                if (set.charsetName() != null) {
                    charset = Optional.of(DdlTrees.name(set.charsetName()).toLowerCase(Locale.ROOT));
                }
                collation = Optional.ofNullable(set.collationName())
                        .map(c -> DdlTrees.name(c).toLowerCase(Locale.ROOT));
            }
            case MariaDBParser.AlterByTableOptionContext options -> {
                for (MariaDBParser.TableOptionContext option : options.tableOption()) {
                    if (option instanceof MariaDBParser.TableOptionCharsetContext set) {
                        charset = Optional.of(DdlTrees.name(set.charsetName()).toLowerCase(Locale.ROOT));
                    } else if (option instanceof MariaDBParser.TableOptionCollateContext collate) {
                        collation = Optional.of(DdlTrees.name(collate.collationName()).toLowerCase(Locale.ROOT));
                    }
                }
            }
            case MariaDBParser.AlterByConvertCharactersetContext convert -> throw refused(specification,
                    "converting a table's charset can change its text columns' types (TEXT to MEDIUMTEXT), which cdc4j"
                            + " does not model yet");
            default -> {
                if (!UNCHANGING.contains(specification.getClass())) {
                    throw refused(specification, "cdc4j does not know how it changes the table's columns or keys");
                }
            }
        }
    }

    private void insert(ColumnSchema column, boolean first, Optional<String> after) {
        if (first) {
            columns.addFirst(column);
        } else if (after.isPresent()) {
            columns.add(indexOf(after.get()) + 1, column);
        } else {
            columns.add(column);
        }
    }

    private void replace(String old, ColumnSchema column, boolean first, Optional<String> after) {
        int at = indexOf(old);
        if (!first && after.isEmpty()) {
            columns.set(at, column);
            return;
        }
        columns.remove(at);
        insert(column, first, after);
    }

    private void dropColumn(String column) {
        columns.remove(indexOf(column));
        List<IndexSchema> kept = new ArrayList<>();
        for (IndexSchema index : indexes) {
            IndexSchema left = index.without(column);
            if (left != null) {
                kept.add(left);
            }
        }
        indexes.clear();
        indexes.addAll(kept);
    }

    private void renameInIndexes(String from, String to) {
        indexes.replaceAll(index -> index.renaming(from, to));
    }

    private void dropIndex(String index, boolean ifExists, ParserRuleContext specification) {
        boolean present = indexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(index));
        if (!present && ifExists) {
            return;
        }
        indexes.remove(indexOfIndex(index, specification));
    }

    private int indexOfIndex(String index, ParserRuleContext specification) {
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).name().equalsIgnoreCase(index)) {
                return i;
            }
        }
        throw refused(specification, "the table has no index " + index);
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "table " + name + " has no column " + column
                + " as cdc4j knows it");
    }

    private CdcException refused(ParserRuleContext specification, String why) {
        return new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot apply [" + DdlTrees.text(specification)
                + "] to table " + name + ": " + why);
    }
}
