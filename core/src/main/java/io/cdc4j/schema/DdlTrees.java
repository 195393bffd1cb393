package io.cdc4j.schema;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import java.util.function.Predicate;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses DDL with MariaDB's grammar into a tree, and reads names and text back out of it as they were written. */
final class DdlTrees {
    private DdlTrees() {
    }

    /**
     * The tree of one statement.
     *
     * @throws CdcException HANDLE_DDL_FAILED naming the statement and the first syntax error
     */
    static MariaDBParser.SqlStatementContext parse(String sql) {
        MariaDBLexer lexer = new MariaDBLexer(new UpperCaseLookahead(CharStreams.fromString(sql)));
        MariaDBParser parser = new MariaDBParser(new CommonTokenStream(lexer));
        BaseErrorListener refuse = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String message,
                                    RecognitionException e) {
                throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot parse the DDL [" + sql + "] at "
                        + line + ":" + column + ": " + message);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(refuse);
        parser.removeErrorListeners();
        parser.addErrorListener(refuse);
        MariaDBParser.SqlStatementsContext statements = parser.root().sqlStatements();
        if (statements == null || statements.sqlStatement().size() != 1) {
            throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "expected one statement in the DDL [" + sql + "]");
        }
        return statements.sqlStatement(0);
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
        String written = text(node).strip();
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
