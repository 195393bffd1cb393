package io.cdc4j.codec.open;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.EncoderProvider;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.config.SinkProtocol;
import java.util.Set;
import java.util.function.LongSupplier;

/** Provides the open-protocol encoder to {@link io.cdc4j.codec.MessageEncoders}. */
public final class OpenProtocolEncoderProvider implements EncoderProvider {
    @Override
    public Set<SinkProtocol> protocols() {
        return Set.of(SinkProtocol.OPEN_PROTOCOL);
    }

    @Override
    public MessageEncoder open(CodecOptions options, LongSupplier clockMillis) {
        return new OpenProtocolEncoder(options);
    }
}
