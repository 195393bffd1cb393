package io.cdc4j.schema;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A char stream whose lexer sees every letter in upper case, as the DDL grammars spell their keywords, while the
 * text of each token (names, literals) keeps its case.
 */
final class UpperCaseLookahead implements CharStream {
    private final CharStream source;

    UpperCaseLookahead(CharStream source) {
        this.source = source;
    }

    @Override
    public int LA(int i) {
        int c = source.LA(i);
        return c <= 0 ? c : Character.toUpperCase(c);
    }

    @Override
    public String getText(Interval interval) {
        return source.getText(interval);
    }

    @Override
    public void consume() {
        source.consume();
    }

    @Override
    public int mark() {
        return source.mark();
    }

    @Override
    public void release(int marker) {
        source.release(marker);
    }

    @Override
    public int index() {
        return source.index();
    }

    @Override
    public void seek(int index) {
        source.seek(index);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }
}
