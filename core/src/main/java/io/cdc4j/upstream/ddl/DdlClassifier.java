package io.cdc4j.upstream.ddl;

import io.cdc4j.model.DdlType;
import io.cdc4j.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the kind of a QUERY event's statement and, for DDL, its type and the tables it touches.
 * A tokenizer and keyword rules, not a full SQL parser: it only needs the statement's head.
 */
public final class DdlClassifier {
    private static final Set<String> DDL_VERBS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE");
    /** Statements that change rows when written as text (a stored function's writes are logged as its SELECT). */
    private static final Set<String> DML_VERBS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "LOAD", "CALL",
            "DO", "SELECT", "WITH");
    /** The words that name what a CREATE/ALTER/DROP acts on; only some of them are replicated (see ddlKind). */
    private static final Set<String> OBJECT_WORDS = Set.of("TABLE", "TABLES", "DATABASE", "SCHEMA", "INDEX", "VIEW",
            "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "PACKAGE", "SEQUENCE", "USER", "ROLE", "SERVER", "LOGFILE",
            "TABLESPACE", "RESOURCE", "INSTANCE");
    private static final Pattern START_TRANSACTION_SUFFIX = Pattern.compile(
            "\\s*START\\s+TRANSACTION\\s*;?\\s*$", Pattern.CASE_INSENSITIVE);
    /** What ALTER TABLE ... ADD adds when it adds an index (TiCDC's {@code create index}). */
    private static final Set<String> INDEX_WORDS = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL");
    /**
     * Table parts that are neither columns nor indexes: ADD/DROP of them is TiCDC's {@code add/drop primary key},
     * {@code add/drop foreign key} or a partition or check change, which cdc4j tells apart only as {@code alter table}
     * (so an event filter on {@code add column} or {@code create index} never catches them).
     */
    private static final Set<String> OTHER_TABLE_PARTS = Set.of("PRIMARY", "FOREIGN", "CHECK", "PARTITION",
            "PERIOD", "SYSTEM");
    /** The words that may follow {@code CONSTRAINT} directly, when the constraint has no name. */
    private static final Set<String> CONSTRAINT_KINDS = Set.of("UNIQUE", "PRIMARY", "FOREIGN", "CHECK");
    private static final Set<String> DATABASE_OPTIONS = Set.of("CHARACTER", "CHARSET", "DEFAULT", "COLLATE", "COMMENT",
            "READ", "ENCRYPTION", "UPGRADE");

    private DdlClassifier() {
    }

    /** What the statement means to the assembler. */
    public static QueryKind kindOf(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        if (tokens.isEmpty()) {
            return QueryKind.IGNORED;
        }
        Token first = tokens.getFirst();
        if (first.is("BEGIN") || (first.is("START") && wordAt(tokens, 1, "TRANSACTION"))) {
            return QueryKind.BEGIN;
        }
        if (first.is("XA")) {
            return xaKind(tokens);
        }
        if (first.is("COMMIT")) {
            return QueryKind.COMMIT;
        }
        if (first.is("ROLLBACK")) {
            int next = wordAt(tokens, 1, "WORK") ? 2 : 1;
            return wordAt(tokens, next, "TO") ? QueryKind.ROLLBACK_TO_SAVEPOINT : QueryKind.ROLLBACK;
        }
        if (first.is("SAVEPOINT")) {
            return QueryKind.SAVEPOINT;
        }
        if (first.kind() == Token.Kind.WORD && DML_VERBS.contains(first.upper())) {
            return QueryKind.STATEMENT_DML;
        }
        if (first.kind() == Token.Kind.WORD && DDL_VERBS.contains(first.upper())) {
            return ddlKind(tokens);
        }
        return QueryKind.IGNORED;
    }

    /**
     * The text of MySQL 8.0.21+'s atomic {@code CREATE TABLE ... SELECT}, which the server writes as the table's
     * definition followed by {@code START TRANSACTION} (its rows follow in the same group), without that suffix;
     * empty for any other statement.
     */
    public static Optional<String> withoutStartTransaction(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isSymbol(";")) {
            last--;
        }
        if (last < 2 || !tokens.get(0).is("CREATE") || !tokens.get(last).is("TRANSACTION")
                || !tokens.get(last - 1).is("START")) {
            return Optional.empty();
        }
        Matcher suffix = START_TRANSACTION_SUFFIX.matcher(sql);
        return suffix.find() ? Optional.of(sql.substring(0, suffix.start())) : Optional.empty();
    }

    /**
     * The savepoint (lower-cased: savepoint names ignore case) a {@code SAVEPOINT name} or
     * {@code ROLLBACK [WORK] TO [SAVEPOINT] name} names: its last token; empty if there is none.
     */
    public static Optional<String> savepointName(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        if (tokens.size() < 2 || !tokens.getLast().isIdentifier()) {
            return Optional.empty();
        }
        return Optional.of(tokens.getLast().text().toLowerCase(Locale.ROOT));
    }

    private static QueryKind xaKind(List<Token> tokens) {
        if (wordAt(tokens, 1, "START") || wordAt(tokens, 1, "BEGIN")) {
            return QueryKind.XA_START;
        }
        if (wordAt(tokens, 1, "END")) {
            return QueryKind.XA_END;
        }
        if (wordAt(tokens, 1, "COMMIT")) {
            boolean onePhase = tokens.size() >= 2 && tokens.get(tokens.size() - 1).is("PHASE")
                    && tokens.get(tokens.size() - 2).is("ONE");
            return onePhase ? QueryKind.COMMIT : QueryKind.XA_COMMIT;
        }
        if (wordAt(tokens, 1, "ROLLBACK")) {
            return QueryKind.XA_ROLLBACK;
        }
        return QueryKind.IGNORED;
    }

    /**
     * CREATE/ALTER/DROP/RENAME/TRUNCATE: DDL only for tables (not temporary ones), schemas, indexes and views.
     * The object word is the first word of {@link #OBJECT_WORDS} after the verb and its modifiers (OR REPLACE,
     * TEMPORARY, ONLINE, UNIQUE, ALGORITHM=..., SQL SECURITY ..., DEFINER=user@host).
     */
    private static QueryKind ddlKind(List<Token> tokens) {
        Token verb = tokens.getFirst();
        if (verb.is("TRUNCATE")) {
            return tokens.size() > 1 && tokens.get(1).isIdentifier() ? QueryKind.DDL : QueryKind.IGNORED;
        }
        if (verb.is("RENAME")) {
            return wordAt(tokens, 1, "TABLE") || wordAt(tokens, 1, "TABLES") ? QueryKind.DDL : QueryKind.IGNORED;
        }
        boolean temporary = false;
        int i = 1;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.is("DEFINER") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("=")) {
                i = skipUser(tokens, i + 2);
                continue;
            }
            if (token.is("TEMPORARY")) {
                temporary = true;
            } else if (token.kind() == Token.Kind.WORD && OBJECT_WORDS.contains(token.upper())) {
                return objectKind(verb, token.upper(), temporary, tokens, i);
            }
            i++;
        }
        return QueryKind.IGNORED;
    }

    private static QueryKind objectKind(Token verb, String object, boolean temporary, List<Token> tokens, int at) {
        switch (object) {
            case "TABLE", "TABLES" -> {
                if (temporary) {
                    return QueryKind.IGNORED;
                }
                boolean withSelect = verb.is("CREATE")
                        && tokens.stream().skip(at).anyMatch(token -> token.is("SELECT"));
                return withSelect ? QueryKind.STATEMENT_DML : QueryKind.DDL;
            }
            case "DATABASE", "SCHEMA", "INDEX", "VIEW" -> {
                return QueryKind.DDL;
            }
            default -> {
                return QueryKind.IGNORED;
            }
        }
    }

    /** The index after a user of a DEFINER clause: {@code name[@host]}, {@code CURRENT_USER[()]}, a role. */
    private static int skipUser(List<Token> tokens, int at) {
        int i = at + 1;
        if (i < tokens.size() && tokens.get(i).isSymbol("@")) {
            i += 2;
        } else if (i + 1 < tokens.size() && tokens.get(i).isSymbol("(") && tokens.get(i + 1).isSymbol(")")) {
            i += 2;
        }
        return i;
    }

    private static boolean wordAt(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).is(word);
    }

    /**
     * The DDL's type and the objects it changes: its tables and views, or for database DDL the database it names.
     * {@code defaultSchema}, the session's schema, qualifies unqualified names (and is the database of an ALTER
     * DATABASE that names none), as the server resolves them; an object named with its schema keeps that schema.
     */
    public static DdlStatement classify(String sql, String defaultSchema) {
        Cursor cursor = new Cursor(SqlTokenizer.tokenize(sql), defaultSchema);
        if (cursor.accept("CREATE")) {
            return create(cursor);
        }
        if (cursor.accept("DROP")) {
            return drop(cursor);
        }
        if (cursor.accept("RENAME")) {
            if (cursor.accept("TABLE") || cursor.accept("TABLES")) {
                return rename(cursor);
            }
            return other();
        }
        if (cursor.accept("TRUNCATE")) {
            cursor.accept("TABLE");
            return new DdlStatement(DdlType.TRUNCATE_TABLE, cursor.tableName().stream().toList(), Optional.empty());
        }
        if (cursor.accept("ALTER")) {
            cursor.acceptAny("ONLINE", "OFFLINE", "IGNORE");
            if (cursor.accept("TABLE")) {
                return alterTable(cursor);
            }
            if (cursor.accept("DATABASE") || cursor.accept("SCHEMA")) {
                Optional<String> named = cursor.peekAny(DATABASE_OPTIONS) ? Optional.empty() : cursor.identifier();
                return new DdlStatement(DdlType.ALTER_DATABASE, List.of(),
                        named.or(() -> Optional.of(defaultSchema).filter(schema -> !schema.isEmpty())));
            }
            cursor.skipViewOptions();
            if (cursor.accept("VIEW")) {
                return new DdlStatement(DdlType.ALTER_VIEW, cursor.tableName().stream().toList(), Optional.empty());
            }
            if (cursor.accept("SEQUENCE")) {
                cursor.acceptSequence("IF", "EXISTS");
                return new DdlStatement(DdlType.OTHER, cursor.tableName().stream().toList(), Optional.empty());
            }
        }
        return other();
    }

    private static DdlStatement create(Cursor cursor) {
        cursor.acceptSequence("OR", "REPLACE");
        cursor.accept("TEMPORARY");
        if (cursor.accept("DATABASE") || cursor.accept("SCHEMA")) {
            cursor.acceptSequence("IF", "NOT", "EXISTS");
            return new DdlStatement(DdlType.CREATE_DATABASE, List.of(), cursor.identifier());
        }
        if (cursor.accept("TABLE")) {
            cursor.acceptSequence("IF", "NOT", "EXISTS");
            return new DdlStatement(DdlType.CREATE_TABLE, cursor.tableName().stream().toList(), Optional.empty());
        }
        cursor.skipViewOptions();
        if (cursor.accept("VIEW")) {
            cursor.acceptSequence("IF", "NOT", "EXISTS");
            return new DdlStatement(DdlType.CREATE_VIEW, cursor.tableName().stream().toList(), Optional.empty());
        }
        if (cursor.accept("SEQUENCE")) {
            cursor.acceptSequence("IF", "NOT", "EXISTS");
            return new DdlStatement(DdlType.OTHER, cursor.tableName().stream().toList(), Optional.empty());
        }
        cursor.acceptAny("UNIQUE", "FULLTEXT", "SPATIAL");
        if (cursor.accept("INDEX")) {
            cursor.acceptSequence("IF", "NOT", "EXISTS");
            cursor.identifier();
            if (cursor.skipTo("ON")) {
                return new DdlStatement(DdlType.CREATE_INDEX, cursor.tableName().stream().toList(), Optional.empty());
            }
        }
        return other();
    }

    private static DdlStatement drop(Cursor cursor) {
        cursor.accept("TEMPORARY");
        if (cursor.accept("DATABASE") || cursor.accept("SCHEMA")) {
            cursor.acceptSequence("IF", "EXISTS");
            return new DdlStatement(DdlType.DROP_DATABASE, List.of(), cursor.identifier());
        }
        boolean view = cursor.accept("VIEW");
        if (view || cursor.accept("TABLE") || cursor.accept("TABLES")) {
            cursor.acceptSequence("IF", "EXISTS");
            DdlType type = view ? DdlType.DROP_VIEW : DdlType.DROP_TABLE;
            return new DdlStatement(type, cursor.tableNames(), Optional.empty());
        }
        if (cursor.accept("SEQUENCE")) {
            cursor.acceptSequence("IF", "EXISTS");
            return new DdlStatement(DdlType.OTHER, cursor.tableNames(), Optional.empty());
        }
        if (cursor.accept("INDEX")) {
            cursor.acceptSequence("IF", "EXISTS");
            cursor.identifier();
            if (cursor.skipTo("ON")) {
                return new DdlStatement(DdlType.DROP_INDEX, cursor.tableName().stream().toList(), Optional.empty());
            }
        }
        return other();
    }

    private static DdlStatement rename(Cursor cursor) {
        List<TableName> tables = new ArrayList<>();
        do {
            Optional<TableName> from = cursor.tableName();
            if (from.isEmpty() || !cursor.accept("TO")) {
                return other();
            }
            Optional<TableName> to = cursor.tableName();
            if (to.isEmpty()) {
                return other();
            }
            tables.add(from.get());
            tables.add(to.get());
        } while (cursor.acceptSymbol(","));
        return new DdlStatement(DdlType.RENAME_TABLE, tables, Optional.empty());
    }

    private static DdlStatement alterTable(Cursor cursor) {
        cursor.acceptSequence("IF", "EXISTS");
        Optional<TableName> table = cursor.tableName();
        if (table.isEmpty()) {
            return other();
        }
        List<DdlType> kinds = new ArrayList<>();
        List<TableName> tables = new ArrayList<>(List.of(table.get()));
        do {
            DdlType kind = alterSpecification(cursor, tables);
            kinds.add(kind);
            cursor.skipSpecification();
        } while (cursor.acceptSymbol(","));
        DdlType type = kinds.stream().distinct().count() == 1 ? kinds.getFirst() : DdlType.ALTER_TABLE;
        if (type != DdlType.RENAME_TABLE) {
            return new DdlStatement(type, List.of(table.get()), Optional.empty());
        }
        return new DdlStatement(type, List.of(table.get(), tables.getLast()), Optional.empty());
    }

    private static DdlType alterSpecification(Cursor cursor, List<TableName> tables) {
        if (cursor.accept("ADD")) {
            if (cursor.accept("CONSTRAINT") && !cursor.peekAny(CONSTRAINT_KINDS)) {
                cursor.identifier();
            }
            if (cursor.peekAny(INDEX_WORDS)) {
                return DdlType.CREATE_INDEX;
            }
            if (cursor.peekAny(OTHER_TABLE_PARTS)) {
                return DdlType.ALTER_TABLE;
            }
            return DdlType.ADD_COLUMN;
        }
        if (cursor.accept("DROP")) {
            if (cursor.peekAny(Set.of("INDEX", "KEY"))) {
                return DdlType.DROP_INDEX;
            }
            if (cursor.peekAny(OTHER_TABLE_PARTS) || cursor.peekAny(Set.of("CONSTRAINT"))) {
                return DdlType.ALTER_TABLE;
            }
            return DdlType.DROP_COLUMN;
        }
        if (cursor.accept("RENAME")) {
            if (cursor.peekAny(Set.of("COLUMN", "INDEX", "KEY"))) {
                return DdlType.ALTER_TABLE;
            }
            cursor.acceptAny("TO", "AS");
            cursor.tableName().ifPresent(tables::add);
            return DdlType.RENAME_TABLE;
        }
        return DdlType.ALTER_TABLE;
    }

    private static DdlStatement other() {
        return new DdlStatement(DdlType.OTHER, List.of(), Optional.empty());
    }

    /** A position in the token list with the small moves the rules need. */
    private static final class Cursor {
        private final List<Token> tokens;
        private final String defaultSchema;
        private int index;

        Cursor(List<Token> tokens, String defaultSchema) {
            this.tokens = tokens;
            this.defaultSchema = defaultSchema;
        }

        boolean accept(String word) {
            if (index < tokens.size() && tokens.get(index).is(word)) {
                index++;
                return true;
            }
            return false;
        }

        void acceptAny(String... words) {
            for (String word : words) {
                if (accept(word)) {
                    return;
                }
            }
        }

        void acceptSequence(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (index + i >= tokens.size() || !tokens.get(index + i).is(words[i])) {
                    return;
                }
            }
            index += words.length;
        }

        boolean acceptSymbol(String symbol) {
            if (index < tokens.size() && tokens.get(index).isSymbol(symbol)) {
                index++;
                return true;
            }
            return false;
        }

        boolean peekAny(Set<String> words) {
            return index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                    && words.contains(tokens.get(index).upper());
        }

        boolean skipTo(String word) {
            while (index < tokens.size()) {
                if (tokens.get(index++).is(word)) {
                    return true;
                }
            }
            return false;
        }

        /** Skips a view's {@code ALGORITHM = ..}, {@code DEFINER = user} and {@code SQL SECURITY ..} clauses. */
        void skipViewOptions() {
            while (index < tokens.size()) {
                if (accept("ALGORITHM")) {
                    acceptSymbol("=");
                    index++;
                } else if (accept("DEFINER")) {
                    acceptSymbol("=");
                    index++;
                    if (acceptSymbol("@")) {
                        index++;
                    } else if (acceptSymbol("(")) {
                        acceptSymbol(")");
                    }
                } else if (accept("SQL")) {
                    accept("SECURITY");
                    index++;
                } else {
                    return;
                }
            }
        }

        /** Skips to the comma that ends this ALTER specification, outside parentheses. */
        void skipSpecification() {
            int depth = 0;
            while (index < tokens.size()) {
                Token token = tokens.get(index);
                if (token.isSymbol("(")) {
                    depth++;
                } else if (token.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && token.isSymbol(",")) {
                    return;
                }
                index++;
            }
        }

        Optional<String> identifier() {
            if (index < tokens.size() && tokens.get(index).isIdentifier()) {
                return Optional.of(tokens.get(index++).text());
            }
            return Optional.empty();
        }

        /** A comma-separated list of table names. */
        List<TableName> tableNames() {
            List<TableName> names = new ArrayList<>();
            do {
                tableName().ifPresent(names::add);
            } while (acceptSymbol(","));
            return names;
        }

        Optional<TableName> tableName() {
            Optional<String> first = identifier();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            if (index + 1 < tokens.size() && tokens.get(index).isSymbol(".") && tokens.get(index + 1).isIdentifier()) {
                index++;
                return Optional.of(new TableName(first.get(), tokens.get(index++).text()));
            }
            return Optional.of(new TableName(defaultSchema, first.get()));
        }
    }
}
