package io.cdc4j.upstream.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL statement into tokens enough for DDL classification: words (upper-cased), quoted names
 * (backquotes removed), string literals and single punctuation. Comments are dropped, the bodies of
 * MySQL's executable comments {@code /*!NNNNN ... *}{@code /} kept.
 */
public final class SqlTokenizer {
    private SqlTokenizer() {
    }

    /** The tokens of {@code sql}. */
    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                if (i + 2 < n && sql.charAt(i + 2) == '!') {
                    i += 3;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                } else {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                }
            } else if (c == '*' && i + 1 < n && sql.charAt(i + 1) == '/') {
                i += 2;
            } else if (c == '#' || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-'
                    && Character.isWhitespace(sql.charAt(i + 2)))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '`' || c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == c && j + 1 < n && sql.charAt(j + 1) == c) {
                        text.append(c);
                        j += 2;
                    } else if (d == c) {
                        break;
                    } else if (d == '\\' && c != '`' && j + 1 < n) {
                        text.append(sql.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.NAME, text.toString()));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$' || sql.charAt(j) > 127)) {
                    j++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(i, j)));
                i = j;
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }
}
