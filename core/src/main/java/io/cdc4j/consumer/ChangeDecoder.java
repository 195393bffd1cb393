package io.cdc4j.consumer;

import java.util.List;

/** Turns one Kafka message of a protocol into the changes it carries (one, or several for batching protocols). */
@FunctionalInterface
public interface ChangeDecoder {
    /**
     * @throws io.cdc4j.error.CdcException CODEC_DECODE for a message that is not of the protocol
     */
    List<Change> decode(byte[] key, byte[] value);
}
