package io.cdc4j.sink.mq;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * TiCDC's partition hash: the XOR of the CRC-32 (IEEE) of each write, a write being its parts' bytes concatenated
 * without a separator, so that the result does not depend on the order of the writes (of a key's columns).
 */
final class PositionInertia {
    private int hash;

    /** Mixes in one write of {@code parts}, concatenated. */
    PositionInertia write(byte[]... parts) {
        CRC32 crc = new CRC32();
        for (byte[] part : parts) {
            crc.update(part);
        }
        hash ^= (int) crc.getValue();
        return this;
    }

    /** Mixes in one write of {@code parts} as UTF-8, concatenated. */
    PositionInertia write(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return write(bytes);
    }

    /** The hash as the unsigned 32-bit number TiCDC computes with. */
    long value() {
        return Integer.toUnsignedLong(hash);
    }
}
