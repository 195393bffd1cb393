package io.cdc4j.consumer;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;

/** Turns one Kafka message of a protocol into the changes it carries (one, or several for batching protocols). */
@FunctionalInterface
public interface ChangeDecoder {
    /**
     * @throws io.cdc4j.error.CdcException CODEC_DECODE for a message that is not of the protocol
     */
    List<Change> decode(byte[] key, byte[] value);

    /** The refusal of a row sent with its handle key alone, whose other values are in no message. */
    static CdcException handleKeyOnly(String table) {
        return new CdcException(ErrorCode.CODEC_DECODE, "a row of " + table + " was sent with its handle key alone"
                + " (large_message_handle_option = handle-key-only): kafka-consumer cannot fetch the rest of it from"
                + " the upstream yet; raise max-message-bytes and the topic's max.message.bytes so that the row fits,"
                + " and create the changefeed again from before it");
    }
}
