package io.cdc4j.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON message written straight to UTF-8 bytes, with strings escaped as {@link GoJsonText} escapes them: what an
 * encoder of a hot path builds a message in, without a UTF-16 text and its copy to bytes in between.
 */
public final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int size;

    /** An empty message with room for {@code capacity} bytes before it grows. */
    public JsonBytes(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    /** Appends bytes as they are (a fragment already encoded). */
    public JsonBytes raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** Appends JSON syntax or other ASCII text as it is. */
    public JsonBytes ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Appends one ASCII character. */
    public JsonBytes ascii(char c) {
        ensure(1);
        buffer[size++] = (byte) c;
        return this;
    }

    /** Appends a number. */
    public JsonBytes number(long value) {
        return ascii(Long.toString(value));
    }

    /** Appends {@code text} as a quoted JSON string, escaped as TiCDC's Go encoders escape it, in UTF-8. */
    public JsonBytes quote(CharSequence text) {
        int length = text.length();
        ensure(length + 2);
        buffer[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ascii(c, i, length);
            } else if (c < 0x800) {
                ensure(2 + length - i);
                buffer[size++] = (byte) (0xC0 | c >> 6);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                ensure(4 + length - i);
                buffer[size++] = (byte) (0xF0 | codePoint >> 18);
                buffer[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (c == '\u2028' || c == '\u2029') {
                unicode(c, i, length);
            } else {
                int codePoint = Character.isSurrogate(c) ? 0xFFFD : c;
                ensure(3 + length - i);
                buffer[size++] = (byte) (0xE0 | codePoint >> 12);
                buffer[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | codePoint & 0x3F);
            }
        }
        ensure(1);
        buffer[size++] = '"';
        return this;
    }

    /** The message's bytes. */
    public byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }

    /** The bytes written so far. */
    public int size() {
        return size;
    }

    private void ascii(char c, int at, int length) {
        switch (c) {
            case '"' -> escape('"', at, length);
            case '\\' -> escape('\\', at, length);
            case '\n' -> escape('n', at, length);
            case '\r' -> escape('r', at, length);
            case '\t' -> escape('t', at, length);
            case '<', '>', '&' -> unicode(c, at, length);
            default -> {
                if (c < 0x20) {
                    unicode(c, at, length);
                } else {
                    buffer[size++] = (byte) c;
                }
            }
        }
    }

    private void escape(char letter, int at, int length) {
        ensure(2 + length - at);
        buffer[size++] = '\\';
        buffer[size++] = (byte) letter;
    }

    private void unicode(char c, int at, int length) {
        ensure(6 + length - at);
        buffer[size++] = '\\';
        buffer[size++] = 'u';
        buffer[size++] = HEX[c >> 12 & 0xF];
        buffer[size++] = HEX[c >> 8 & 0xF];
        buffer[size++] = HEX[c >> 4 & 0xF];
        buffer[size++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
