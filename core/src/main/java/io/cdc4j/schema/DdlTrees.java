package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import java.util.function.Predicate;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses DDL with MariaDB's grammar into a tree, and reads names and text back out of it as they were written. */
final class DdlTrees {
    private DdlTrees() {
    }

    /**
     * The tree of one statement. Parsed first in ANTLR's fast SLL mode, which bails out at the first doubt; only a
     * statement it bails on is parsed again in full LL mode, whose syntax errors are the statement's.
     *
     * @throws CdcException HANDLE_DDL_FAILED naming the statement and the first syntax error
     */
    static MariaDBParser.SqlStatementContext parse(String sql) {
        MariaDBParser fast = parser(sql);
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.setErrorHandler(new BailErrorStrategy());
        MariaDBParser.RootContext root;
        try {
            root = fast.root();
        } catch (ParseCancellationException doubt) {
            MariaDBParser full = parser(sql);
            full.getInterpreter().setPredictionMode(PredictionMode.LL);
            full.addErrorListener(refusing(sql));
            root = full.root();
        }
        MariaDBParser.SqlStatementsContext statements = root.sqlStatements();
        if (statements == null || statements.sqlStatement().size() != 1) {
            throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "expected one statement in the DDL [" + sql + "]");
        }
        return statements.sqlStatement(0);
    }

    /**
     * Parses one small statement, so that the grammar's tables are built (most of a second, once per process) on
     * the calling thread rather than when the first DDL or table definition is read.
     */
    static void warmUp() {
        // shaped as SHOW CREATE TABLE prints tables, which a first start parses one per selected table
        parse("CREATE TABLE `warm_up` (\n  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n"
                + "  `v` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'c',\n"
                + "  `d` decimal(10,2) NOT NULL DEFAULT 0.00,\n  `t` datetime(6) DEFAULT current_timestamp(6),\n"
                + "  `x` text DEFAULT NULL,\n  `b` blob DEFAULT NULL,\n  `e` enum('a','b') DEFAULT NULL,\n"
                + "  `g` int(11) GENERATED ALWAYS AS (`id` + 1) VIRTUAL,\n  `j` longtext CHARACTER SET utf8mb4 "
                + "COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)),\n  PRIMARY KEY (`id`),\n"
                + "  UNIQUE KEY `u` (`v`(4)),\n  KEY `k` (`d`,`t`)\n) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT "
                + "CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='w'");
        parse("ALTER TABLE t ADD COLUMN c INT AFTER id, ADD INDEX ic (c), DROP COLUMN old, MODIFY v VARCHAR(8)");
    }

    private static MariaDBParser parser(String sql) {
        MariaDBLexer lexer = new MariaDBLexer(new UpperCaseLookahead(CharStreams.fromString(sql)));
        lexer.removeErrorListeners();
        lexer.addErrorListener(refusing(sql));
        MariaDBParser parser = new MariaDBParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }

    private static BaseErrorListener refusing(String sql) {
        return new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String message,
                                    RecognitionException e) {
                throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot parse the DDL [" + sql + "] at "
                        + line + ":" + column + ": " + message);
            }
        };
    }

    /** The text of a node as written in the statement (case and spacing kept). */
    static String text(ParserRuleContext node) {
        return text(node.getStart(), node.getStop());
    }

    /** The text from one token to another, both included, as written. */
    static String text(Token start, Token stop) {
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    /** The last token of a node. */
    static Token stopOf(ParseTree node) {
        return node instanceof TerminalNode terminal ? terminal.getSymbol() : ((ParserRuleContext) node).getStop();
    }

    /** A name as written, without its backquotes or quotes ({@code `a``b`} is {@code a`b}). */
    static String name(ParserRuleContext node) {
        return unquote(text(node));
    }

    /** A name as written, without its backquotes or quotes ({@code `a``b`} is {@code a`b}). */
    static String unquote(String name) {
        String written = name.strip();
        if (written.length() >= 2) {
            char quote = written.charAt(0);
            if ((quote == '`' || quote == '"' || quote == '\'') && written.charAt(written.length() - 1) == quote) {
                String inner = written.substring(1, written.length() - 1);
                return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
            }
        }
        return written;
    }

    /** The tokens of a node joined by single spaces, with {@code skip}'s subtrees left out. */
    static String tokens(ParseTree node, Predicate<ParseTree> skip) {
        StringBuilder out = new StringBuilder();
        appendTokens(node, skip, out);
        return out.toString().replace(" (", "(").replace("( ", "(").replace(" )", ")").replace(" ,", ",")
                .replace(", ", ",");
    }

    private static void appendTokens(ParseTree node, Predicate<ParseTree> skip, StringBuilder out) {
        if (skip.test(node)) {
            return;
        }
        if (node instanceof TerminalNode terminal) {
            if (terminal.getSymbol().getType() != Token.EOF) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(terminal.getText());
            }
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            appendTokens(node.getChild(i), skip, out);
        }
    }
}
