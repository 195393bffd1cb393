package io.cdc4j.codec;

import io.cdc4j.config.SinkProtocol;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One protocol's encoders, found by {@link MessageEncoders} through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.cdc4j.codec.EncoderProvider}), so that a new protocol is added without editing another.
 */
public interface EncoderProvider {
    /** The protocols it encodes. */
    Set<SinkProtocol> protocols();

    /**
     * A new encoder.
     *
     * @param clockMillis the wall clock messages that carry their encode time read it from
     */
    MessageEncoder open(CodecOptions options, LongSupplier clockMillis);
}
