package io.cdc4j.codec;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as TiCDC's Go encoders print it where Java prints it otherwise: bytes as Go's {@code strconv.Quote} escapes
 * them (without the quotes), and floating-point numbers as Go's {@code encoding/json} writes them.
 */
public final class GoText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /**
     * {@code bytes} as {@code strconv.Quote} escapes them, less the surrounding quotes: printable UTF-8 as it is, the
     * quote and the backslash escaped, {@code \a \b \f \n \r \t \v} by their letters, any other byte that is not part
     * of printable UTF-8 as {@code \xNN}, and a non-printable character as {@code \\uNNNN} (or {@code \\UNNNNNNNN}).
     */
    public static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                ascii(out, b);
                i++;
                continue;
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            String rune = length > 1 && i + length <= bytes.length ? decode(bytes, i, length) : null;
            if (rune == null) {
                hex(out, b);
                i++;
                continue;
            }
            int codePoint = rune.codePointAt(0);
            if (printable(codePoint)) {
                out.append(rune);
            } else if (codePoint <= 0xFFFF) {
                out.append("\\u");
                hexDigits(out, codePoint, 4);
            } else {
                out.append("\\U");
                hexDigits(out, codePoint, 8);
            }
            i += length;
        }
        return out.toString();
    }

    /**
     * A FLOAT ({@code single}) or DOUBLE as Go's {@code encoding/json} writes it: the shortest digits that read back as
     * the same value, in plain form, or in exponent form ({@code 1e-7}, {@code 1.5e+21}) below 1e-6 and from 1e21;
     * NaN and infinities as 0, as TiCDC replaces them.
     */
    public static String jsonFloat(double value, boolean single) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "0";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(single ? Float.toString((float) value) : Double.toString(value))
                .stripTrailingZeros();
        double magnitude = Math.abs(value);
        boolean exponent = single ? magnitude < 1e-6f || magnitude >= 1e21f : magnitude < 1e-6 || magnitude >= 1e21;
        if (!exponent) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int power = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder(digits.length() + 6);
        if (shortest.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append('e').append(power < 0 ? '-' : '+').append(Math.abs(power)).toString();
    }

    private static void ascii(StringBuilder out, int b) {
        switch (b) {
            case 0x07 -> out.append("\\a");
            case 0x08 -> out.append("\\b");
            case 0x0C -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                if (b < 0x20 || b == 0x7F) {
                    hex(out, b);
                } else {
                    out.append((char) b);
                }
            }
        }
    }

    private static String decode(byte[] bytes, int from, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, length));
            String rune = chars.toString();
            return rune.codePointCount(0, rune.length()) == 1 ? rune : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether Go's {@code strconv.IsPrint} holds: letters, marks, numbers, punctuation, symbols and the space. */
    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            case Character.SPACE_SEPARATOR -> codePoint == ' ';
            default -> false;
        };
    }

    private static void hex(StringBuilder out, int b) {
        out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    private static void hexDigits(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[value >> shift & 0xF]);
        }
    }
}
