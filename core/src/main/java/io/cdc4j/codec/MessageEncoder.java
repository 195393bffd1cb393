package io.cdc4j.codec;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowChange;
import java.util.List;
import java.util.Optional;

/**
 * Turns one changefeed's rows, DDL and watermarks into a protocol's messages, so that a message-queue sink writes any
 * protocol the same way. The sink's encoder threads use one encoder at once, so an encoder keeps no state
 * but caches that are safe to share.
 */
public interface MessageEncoder {
    /** The message of one row change. */
    Message row(RowChange row);

    /**
     * The message of a row too large to send whole, with only its handle key's columns and the protocol's mark that
     * it holds nothing else ({@code large-message-handle-option = handle-key-only}); empty when the protocol has no
     * such message.
     */
    default Optional<Message> rowHandleKeyOnly(RowChange row) {
        return Optional.empty();
    }

    /** The message of one DDL statement. */
    Message ddl(DdlEvent ddl);

    /**
     * The message telling consumers that every change up to {@code resolvedTs} has been sent, or empty when the
     * protocol (with these options) has none.
     */
    Optional<Message> watermark(long resolvedTs);

    /** Whether a DDL goes to every partition of its topic (else to partition 0 only). */
    boolean ddlToEveryPartition();

    /**
     * The messages that carry {@code rows}, the row messages bound for one partition in their order: each one as it
     * is, or, where the protocol batches, consecutive ones combined into messages of at most {@code maxMessageBytes}
     * ({@link Message#size()}), in the same order.
     */
    default List<Message> batch(List<Message> rows, int maxMessageBytes) {
        return rows;
    }
}
