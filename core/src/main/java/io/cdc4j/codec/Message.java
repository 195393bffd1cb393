package io.cdc4j.codec;

import java.util.Objects;

/**
 * One encoded message of a message-queue sink: its key (none for protocols without one) and value, and how many
 * events (rows) it carries, more than one where the protocol batches them.
 *
 * @param key the message key, or {@code null}
 * @param value the message value
 * @param events the events in it
 */
public record Message(byte[] key, byte[] value, int events) {
    public Message {
        Objects.requireNonNull(value, "value");
        if (events < 1) {
            throw new IllegalArgumentException("a message carries at least one event, got " + events);
        }
    }

    /** A message of one event. */
    public Message(byte[] key, byte[] value) {
        this(key, value, 1);
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
