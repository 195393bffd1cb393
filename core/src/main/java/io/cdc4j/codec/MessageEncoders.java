package io.cdc4j.codec;

import io.cdc4j.config.SinkProtocol;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;

/** The protocols this build can encode: every {@link EncoderProvider} the service loader finds. */
public final class MessageEncoders {
    private static final Map<SinkProtocol, EncoderProvider> PROVIDERS = load();

    private MessageEncoders() {
    }

    private static Map<SinkProtocol, EncoderProvider> load() {
        Map<SinkProtocol, EncoderProvider> providers = new EnumMap<>(SinkProtocol.class);
        for (EncoderProvider provider : ServiceLoader.load(EncoderProvider.class,
                MessageEncoders.class.getClassLoader())) {
            for (SinkProtocol protocol : provider.protocols()) {
                if (providers.putIfAbsent(protocol, provider) != null) {
                    throw new IllegalStateException("two encoders for the protocol " + protocol.text());
                }
            }
        }
        return providers;
    }

    /**
     * Checks that this build encodes {@code protocol}.
     *
     * @throws CdcException SINK_UNKNOWN_PROTOCOL naming the protocols it does encode
     */
    public static void require(SinkProtocol protocol) {
        if (!PROVIDERS.containsKey(protocol)) {
            throw new CdcException(ErrorCode.SINK_UNKNOWN_PROTOCOL, "the protocol " + protocol.text()
                    + " is not supported by cdc4j's message-queue sinks yet; supported: " + PROVIDERS.keySet().stream()
                    .map(SinkProtocol::text).sorted().toList());
        }
    }

    /**
     * A new encoder of {@code options.protocol()}.
     *
     * @throws CdcException SINK_UNKNOWN_PROTOCOL when this build does not encode it
     */
    public static MessageEncoder open(CodecOptions options, LongSupplier clockMillis) {
        require(options.protocol());
        return PROVIDERS.get(options.protocol()).open(options, clockMillis);
    }
}
