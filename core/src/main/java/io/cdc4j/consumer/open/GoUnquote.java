package io.cdc4j.consumer.open;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The bytes of a Go-quoted string's body (what {@code strconv.Quote} writes between its quotes). */
final class GoUnquote {
    private GoUnquote() {
    }

    /**
     * Reads the escapes {@code \a \b \f \n \r \t \v \\ \" \'}, {@code \xNN}, three-digit octal, {@code \\uNNNN} and
     * {@code \\UNNNNNNNN}; every other character stands for its UTF-8 bytes.
     */
    static byte[] bytes(String quoted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(quoted.length());
        int i = 0;
        while (i < quoted.length()) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                int end = i + Character.charCount(quoted.codePointAt(i));
                byte[] utf8 = quoted.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = end;
                continue;
            }
            if (i + 1 >= quoted.length()) {
                throw invalid(quoted);
            }
            char escape = quoted.charAt(i + 1);
            i += 2;
            switch (escape) {
                case 'a' -> out.write(0x07);
                case 'b' -> out.write(0x08);
                case 'f' -> out.write(0x0C);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0B);
                case '\\', '"', '\'' -> out.write(escape);
                case 'x' -> {
                    out.write(hex(quoted, i, 2));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = escape == 'u' ? 4 : 8;
                    byte[] utf8 = new String(Character.toChars(hex(quoted, i, digits)))
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(utf8, 0, utf8.length);
                    i += digits;
                }
                default -> {
                    if (escape < '0' || escape > '7' || i + 2 > quoted.length()) {
                        throw invalid(quoted);
                    }
                    try {
                        out.write(Integer.parseInt(quoted.substring(i - 1, i + 2), 8));
                    } catch (NumberFormatException e) {
                        throw invalid(quoted);
                    }
                    i += 2;
                }
            }
        }
        return out.toByteArray();
    }

    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            throw invalid(text);
        }
        try {
            return Integer.parseUnsignedInt(text.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static CdcException invalid(String text) {
        return new CdcException(ErrorCode.CODEC_DECODE, "not an open-protocol message: a binary value with a"
                + " malformed escape: " + text);
    }
}
