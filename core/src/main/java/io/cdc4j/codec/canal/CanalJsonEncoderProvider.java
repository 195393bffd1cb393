package io.cdc4j.codec.canal;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.EncoderProvider;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.config.SinkProtocol;
import java.util.Set;
import java.util.function.LongSupplier;

/** Provides the canal-json encoder to {@link io.cdc4j.codec.MessageEncoders}. */
public final class CanalJsonEncoderProvider implements EncoderProvider {
    @Override
    public Set<SinkProtocol> protocols() {
        return Set.of(SinkProtocol.CANAL_JSON);
    }

    @Override
    public MessageEncoder open(CodecOptions options, LongSupplier clockMillis) {
        return new CanalJsonEncoder(new CanalJsonOptions(options.enableTidbExtension(),
                options.onlyOutputUpdatedColumns(), options.timeZone(), options.deleteOnlyHandleKeyColumns()),
                clockMillis);
    }
}
