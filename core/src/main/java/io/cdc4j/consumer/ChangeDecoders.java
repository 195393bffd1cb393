package io.cdc4j.consumer;

import io.cdc4j.config.SinkProtocol;
import io.cdc4j.consumer.canal.CanalJsonChangeDecoder;
import io.cdc4j.consumer.open.OpenProtocolChangeDecoder;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Map;

/** The protocols the consumers read, each with its decoder. */
public final class ChangeDecoders {
    private static final Map<SinkProtocol, ChangeDecoder> DECODERS = Map.of(
            SinkProtocol.CANAL_JSON, new CanalJsonChangeDecoder(),
            SinkProtocol.OPEN_PROTOCOL, new OpenProtocolChangeDecoder());

    private ChangeDecoders() {
    }

    /**
     * @throws CdcException SINK_UNKNOWN_PROTOCOL for a protocol the consumers do not read yet
     */
    public static void require(SinkProtocol protocol) {
        if (!DECODERS.containsKey(protocol)) {
            throw new CdcException(ErrorCode.SINK_UNKNOWN_PROTOCOL, "the consumer does not read " + protocol.text()
                    + " yet; it reads " + DECODERS.keySet().stream().map(SinkProtocol::text).sorted().toList());
        }
    }

    /** The decoder of {@code protocol}. */
    public static ChangeDecoder of(SinkProtocol protocol) {
        require(protocol);
        return DECODERS.get(protocol);
    }
}
