package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.XAPrepareEventData;
import io.cdc4j.upstream.ddl.SqlTokenizer;
import io.cdc4j.upstream.ddl.Token;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An XA transaction's id (gtrid, bqual, formatID), the key that joins an {@code XA PREPARE} group of the binlog
 * to the {@code XA COMMIT} or {@code XA ROLLBACK} written later. Both parts are kept as lower-case hex.
 */
record XaId(String gtrid, String bqual, long formatId) {
    private static final HexFormat HEX = HexFormat.of();

    /** The id an XA_PREPARE event carries. */
    static XaId of(XAPrepareEventData data) {
        byte[] bytes = data.getData();
        int gtridLength = data.getGtridLength();
        return new XaId(HEX.formatHex(bytes, 0, gtridLength),
                HEX.formatHex(bytes, gtridLength, gtridLength + data.getBqualLength()), data.getFormatID());
    }

    /**
     * The id named by an {@code XA <verb> xid} statement as the server writes it ({@code X'hex',X'hex',n});
     * quoted strings and {@code 0x} literals as a client types them work too.
     */
    static Optional<XaId> parse(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        if (tokens.size() < 3 || !tokens.get(0).is("XA")) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(tokens, 2);
        Optional<String> gtrid = cursor.part();
        if (gtrid.isEmpty()) {
            return Optional.empty();
        }
        String bqual = "";
        long formatId = 1;
        if (cursor.comma()) {
            Optional<String> second = cursor.part();
            if (second.isEmpty()) {
                return Optional.empty();
            }
            bqual = second.get();
            if (cursor.comma()) {
                Optional<Long> format = cursor.number();
                if (format.isEmpty()) {
                    return Optional.empty();
                }
                formatId = format.get();
            }
        }
        return Optional.of(new XaId(gtrid.get(), bqual, formatId));
    }

    @Override
    public String toString() {
        return "X'" + gtrid + "',X'" + bqual + "'," + formatId;
    }

    /** Reads the parts of an xid from a token list. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int index;

        Cursor(List<Token> tokens, int index) {
            this.tokens = tokens;
            this.index = index;
        }

        Optional<String> part() {
            if (index >= tokens.size()) {
                return Optional.empty();
            }
            Token token = tokens.get(index);
            if (token.is("X") && index + 1 < tokens.size() && tokens.get(index + 1).kind() == Token.Kind.STRING) {
                index += 2;
                return Optional.of(tokens.get(index - 1).text().toLowerCase(Locale.ROOT));
            }
            if (token.kind() == Token.Kind.STRING) {
                index++;
                return Optional.of(HEX.formatHex(token.text().getBytes(StandardCharsets.UTF_8)));
            }
            if (token.kind() == Token.Kind.WORD && token.text().toLowerCase(Locale.ROOT).startsWith("0x")) {
                index++;
                return Optional.of(token.text().substring(2).toLowerCase(Locale.ROOT));
            }
            return Optional.empty();
        }

        boolean comma() {
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
                return true;
            }
            return false;
        }

        Optional<Long> number() {
            if (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                    && tokens.get(index).text().chars().allMatch(Character::isDigit)) {
                return Optional.of(Long.parseLong(tokens.get(index++).text()));
            }
            return Optional.empty();
        }
    }
}
