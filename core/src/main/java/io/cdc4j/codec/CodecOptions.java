package io.cdc4j.codec;

import io.cdc4j.config.SinkProtocol;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an encoder is opened with: the protocol and the sink options every protocol may read.
 *
 * @param protocol the protocol
 * @param enableTidbExtension {@code enable-tidb-extension}: commit ts in every message, watermark messages
 * @param onlyOutputUpdatedColumns {@code only-output-updated-columns}: an update's old image holds only the changed
 *                                 columns
 * @param timeZone the zone TIMESTAMP values are shown in (TiCDC's server time zone)
 */
public record CodecOptions(SinkProtocol protocol, boolean enableTidbExtension, boolean onlyOutputUpdatedColumns,
                           ZoneId timeZone) {
    public CodecOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
