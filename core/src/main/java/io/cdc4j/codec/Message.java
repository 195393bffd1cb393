package io.cdc4j.codec;

import java.util.Objects;

/**
 * One encoded message of a message-queue sink: its key (none for protocols without one) and value.
 *
 * @param key the message key, or {@code null}
 * @param value the message value
 */
public record Message(byte[] key, byte[] value) {
    public Message {
        Objects.requireNonNull(value, "value");
    }

    /** A message without a key. */
    public static Message of(byte[] value) {
        return new Message(null, value);
    }

    /** Its size as TiCDC counts it against {@code max-message-bytes}: key, value and Kafka's record overhead. */
    public int size() {
        return (key == null ? 0 : key.length) + value.length + RECORD_OVERHEAD;
    }

    /** The bytes TiCDC adds to a message's key and value for the record around them (sarama's estimate). */
    public static final int RECORD_OVERHEAD = 36;
}
