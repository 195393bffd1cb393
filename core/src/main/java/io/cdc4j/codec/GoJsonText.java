package io.cdc4j.codec;

/**
 * JSON strings escaped as TiCDC's Go encoders escape them, so that consumers comparing messages byte for byte (or
 * hashing them) see what TiCDC would send: the quote and the backslash escaped, newline, carriage return and tab
 * by their letters, other control characters, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as four-digit
 * hexadecimal escapes; everything else as is (UTF-8 when the message is encoded).
 */
public final class GoJsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonText() {
    }

    /** Appends {@code text} as a quoted JSON string; runs that need no escape are copied at once. */
    public static StringBuilder quote(StringBuilder out, CharSequence text) {
        out.append('"');
        int run = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028'
                    && c != '\u2029') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> unicode(out, c);
            }
        }
        return out.append(text, run, length).append('"');
    }

    /**
     * Bytes read as ISO-8859-1 (byte 0xNN as U+00NN), as TiCDC writes binary values into JSON text: a consumer
     * gets each byte back as the low byte of each character.
     */
    public static String latin1(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = (char) (bytes[i] & 0xFF);
        }
        return new String(chars);
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
