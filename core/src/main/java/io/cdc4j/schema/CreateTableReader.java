package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser.ColumnCreateTableContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds a table version from a {@code CREATE TABLE} with column definitions, as {@code SHOW CREATE TABLE} prints
 * it or as a user wrote it: columns with their type text, nullability, default, charset, collation, generated and
 * AUTO_INCREMENT flags; the primary key (whose columns are NOT NULL), unique keys and other indexes; the table's
 * default charset and collation.
 */
public final class CreateTableReader {
    private CreateTableReader() {
    }

    /**
     * The version {@code sql} creates, its table named in {@code sessionSchema} unless the statement names a schema.
     *
     * @throws CdcException HANDLE_DDL_FAILED when it cannot be parsed or is not a CREATE TABLE with columns
     */
    public static TableSchema read(String sql, String sessionSchema) {
        MariaDBParser.SqlStatementContext statement = DdlTrees.parse(sql);
        MariaDBParser.DdlStatementContext ddl = statement.ddlStatement();
        if (ddl == null || !(ddl.createTable() instanceof ColumnCreateTableContext create)) {
            throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "expected a CREATE TABLE with column definitions: ["
                    + sql + "]");
        }
        return read(create, sessionSchema);
    }

    static TableSchema read(ColumnCreateTableContext create, String sessionSchema) {
        TableName name = tableName(create.tableName(), sessionSchema);
        List<ColumnSchema> columns = new ArrayList<>();
        List<IndexSchema> indexes = new ArrayList<>();
        for (MariaDBParser.CreateDefinitionContext definition : create.createDefinitions().createDefinition()) {
            addDefinition(definition, columns, indexes);
        }
        Optional<String> charset = Optional.empty();
        Optional<String> collation = Optional.empty();
        for (MariaDBParser.TableOptionContext option : create.tableOption()) {
            if (option instanceof MariaDBParser.TableOptionCharsetContext set) {
                charset = Optional.of(DdlTrees.name(set.charsetName()).toLowerCase(Locale.ROOT));
            } else if (option instanceof MariaDBParser.TableOptionCollateContext collate) {
                collation = Optional.of(DdlTrees.name(collate.collationName()).toLowerCase(Locale.ROOT));
            }
        }
        return new TableSchema(name, primaryKeyNotNull(columns, indexes), indexes, charset, collation);
    }

    /** Adds what one definition of a CREATE TABLE (or an ALTER TABLE ADD (...)) defines: a column, a key, an index. */
    static void addDefinition(MariaDBParser.CreateDefinitionContext definition, List<ColumnSchema> columns,
                              List<IndexSchema> indexes) {
        switch (definition) {
            case MariaDBParser.ColumnDeclarationContext column -> {
                String columnName = DdlTrees.name(column.uid());
                columns.add(column(columnName, column.columnDefinition()));
                inlineKeys(columnName, column.columnDefinition(), indexes);
            }
            case MariaDBParser.ConstraintDeclarationContext constraint -> tableConstraint(constraint, indexes);
            case MariaDBParser.IndexDeclarationContext index -> indexes.add(index(index, indexes));
            default -> {
                // CHECK constraints and periods change no column or key
            }
        }
    }

    /** The PRIMARY KEY or UNIQUE written on a column's own definition. */
    static void inlineKeys(String columnName, MariaDBParser.ColumnDefinitionContext definition,
                           List<IndexSchema> indexes) {
        for (MariaDBParser.ColumnConstraintContext constraint : definition.columnConstraint()) {
            if (constraint instanceof MariaDBParser.PrimaryKeyColumnConstraintContext) {
                indexes.add(new IndexSchema(IndexSchema.PRIMARY, List.of(columnName), true, true));
            } else if (constraint instanceof MariaDBParser.UniqueKeyColumnConstraintContext) {
                indexes.add(new IndexSchema(freeName(columnName, indexes), List.of(columnName), false, true));
            }
        }
    }

    static TableName tableName(MariaDBParser.TableNameContext table, String sessionSchema) {
        return tableName(table.fullId(), sessionSchema);
    }

    /** A table name as written, its schema the session's when the name has none. */
    static TableName tableName(MariaDBParser.FullIdContext id, String sessionSchema) {
        List<MariaDBParser.UidContext> parts = id.uid();
        if (parts.size() == 2) {
            return new TableName(DdlTrees.name(parts.get(0)), DdlTrees.name(parts.get(1)));
        }
        String written = DdlTrees.text(id).strip();
        int dot = dotOutsideQuotes(written);
        if (dot > 0) {
            return new TableName(DdlTrees.unquote(written.substring(0, dot)),
                    DdlTrees.unquote(written.substring(dot + 1)));
        }
        return new TableName(sessionSchema, DdlTrees.name(parts.get(0)));
    }

    private static int dotOutsideQuotes(String written) {
        boolean quoted = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static ColumnSchema column(String name, MariaDBParser.ColumnDefinitionContext definition) {
        MariaDBParser.DataTypeContext type = definition.dataType();
        String typeText = DdlTrees.tokens(type, CreateTableReader::charsetOrCollation).toLowerCase(Locale.ROOT);
        Optional<String> charset = first(type, MariaDBParser.CharsetNameContext.class);
        Optional<String> collation = first(type, MariaDBParser.CollationNameContext.class);
        boolean nullable = true;
        Optional<String> defaultText = Optional.empty();
        boolean generated = false;
        boolean autoIncrement = false;
        boolean json = typeText.startsWith("json");
        for (MariaDBParser.ColumnConstraintContext constraint : definition.columnConstraint()) {
            switch (constraint) {
                case MariaDBParser.NullColumnConstraintContext isNull -> nullable = isNull.nullNotnull().NOT() == null;
                case MariaDBParser.DefaultColumnConstraintContext value ->
                        defaultText = Optional.of(defaultValue(value.defaultValue()));
                case MariaDBParser.CollateColumnConstraintContext collate ->
                        collation = Optional.of(DdlTrees.name(collate.collationName()).toLowerCase(Locale.ROOT));
                case MariaDBParser.GeneratedColumnConstraintContext computed -> generated = computed.expression() != null;
                case MariaDBParser.AutoIncrementColumnConstraintContext increment ->
                        autoIncrement |= increment.AUTO_INCREMENT() != null;
                case MariaDBParser.CheckColumnConstraintContext check -> json |= isJsonValid(check.expression(), name);
                default -> {
                    // keys are read by the caller; comments, visibility, storage change nothing here
                }
            }
        }
        return new ColumnSchema(name, typeText, nullable, defaultText, charset.map(c -> c.toLowerCase(Locale.ROOT)),
                collation.map(c -> c.toLowerCase(Locale.ROOT)), generated, autoIncrement, json);
    }

    /** Whether a CHECK is MariaDB's mark of a JSON column: {@code json_valid(`column`)}. */
    private static boolean isJsonValid(MariaDBParser.ExpressionContext check, String column) {
        String written = DdlTrees.text(check).replace("`", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return written.equals("json_valid(" + column.toLowerCase(Locale.ROOT) + ")");
    }

    /** The default expression, without the {@code ON UPDATE ...} the grammar reads with it. */
    static String defaultValue(MariaDBParser.DefaultValueContext value) {
        ParseTree last = value.getChild(0);
        for (int i = 1; i < value.getChildCount(); i++) {
            if (value.getChild(i) instanceof TerminalNode terminal && terminal.getSymbol().getType() == MariaDBParser.ON) {
                break;
            }
            last = value.getChild(i);
        }
        return DdlTrees.text(value.getStart(), DdlTrees.stopOf(last)).strip();
    }

    private static boolean charsetOrCollation(ParseTree node) {
        return node instanceof MariaDBParser.CharSetContext || node instanceof MariaDBParser.CharsetNameContext
                || node instanceof MariaDBParser.CollationNameContext
                || node instanceof TerminalNode terminal && terminal.getSymbol().getType() == MariaDBParser.COLLATE;
    }

    private static <T extends ParserRuleContext> Optional<String> first(ParseTree node, Class<T> kind) {
        if (kind.isInstance(node)) {
            return Optional.of(DdlTrees.name(kind.cast(node)));
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            Optional<String> found = first(node.getChild(i), kind);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void tableConstraint(MariaDBParser.ConstraintDeclarationContext declaration,
                                        List<IndexSchema> indexes) {
        switch (declaration.tableConstraint()) {
            case MariaDBParser.PrimaryKeyTableConstraintContext primary ->
                    indexes.add(new IndexSchema(IndexSchema.PRIMARY, columns(primary.indexColumnNames()), true, true));
            case MariaDBParser.UniqueKeyTableConstraintContext unique ->
                    indexes.add(uniqueKey(unique.uid(), columns(unique.indexColumnNames()), indexes));
            default -> {
                // foreign keys and checks are not indexes of their own here
            }
        }
    }

    /** A unique key; its name is the last name written ({@code CONSTRAINT c UNIQUE KEY k}: k), else MySQL's. */
    static IndexSchema uniqueKey(List<MariaDBParser.UidContext> names, IndexSchema.Parts columns,
                                 List<IndexSchema> taken) {
        String indexName = names.isEmpty() ? freeName(columns.columns().getFirst(), taken)
                : DdlTrees.name(names.getLast());
        return new IndexSchema(indexName, columns, false, true);
    }

    private static IndexSchema index(MariaDBParser.IndexDeclarationContext declaration, List<IndexSchema> indexes) {
        return switch (declaration.indexColumnDefinition()) {
            case MariaDBParser.SimpleIndexDeclarationContext simple -> named(simple.uid(),
                    columns(simple.indexColumnNames()), indexes);
            case MariaDBParser.SpecialIndexDeclarationContext special -> named(special.uid(),
                    columns(special.indexColumnNames()), indexes);
            default -> throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "an index cdc4j cannot read: ["
                    + DdlTrees.text(declaration) + "]");
        };
    }

    static IndexSchema named(MariaDBParser.UidContext name, IndexSchema.Parts columns, List<IndexSchema> taken) {
        return new IndexSchema(name == null ? freeName(columns.columns().getFirst(), taken) : DdlTrees.name(name),
                columns, false, false);
    }

    static IndexSchema.Parts columns(MariaDBParser.IndexColumnNamesContext names) {
        List<String> columns = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (MariaDBParser.IndexColumnNameContext column : names.indexColumnName()) {
            if (column.uid() != null) {
                columns.add(DdlTrees.name(column.uid()));
            } else if (column.STRING_LITERAL() != null) {
                String literal = column.STRING_LITERAL().getText();
                columns.add(literal.substring(1, literal.length() - 1));
            } else {
                throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "an index on an expression, which cdc4j cannot"
                        + " use as a key: [" + DdlTrees.text(names) + "]");
            }
            prefixes.add(column.decimalLiteral() == null ? 0 : Integer.parseInt(column.decimalLiteral().getText()));
        }
        return new IndexSchema.Parts(columns, prefixes);
    }

    /** MySQL's name for an unnamed index: its first column, then {@code _2}, {@code _3} while taken. */
    static String freeName(String firstColumn, List<IndexSchema> taken) {
        Set<String> names = new HashSet<>();
        taken.forEach(index -> names.add(index.name().toLowerCase(Locale.ROOT)));
        String candidate = firstColumn;
        for (int n = 2; names.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = firstColumn + "_" + n;
        }
        return candidate;
    }

    static List<ColumnSchema> primaryKeyNotNull(List<ColumnSchema> columns, List<IndexSchema> indexes) {
        Optional<IndexSchema> primary = indexes.stream().filter(IndexSchema::primary).findFirst();
        if (primary.isEmpty()) {
            return columns;
        }
        return columns.stream().map(column -> primary.get().columns().stream().anyMatch(column.name()::equalsIgnoreCase)
                ? column.notNull() : column).toList();
    }
}
