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
 * @param maxBatchSize {@code max-batch-size}: the events open-protocol puts in one message at most
 * @param outputOldValue {@code sink.open.output_old_value}: whether an open-protocol update carries its old image
 * @param deleteOnlyHandleKeyColumns {@code sink.delete_only_output_handle_key_columns}: a delete carries only the
 *                                   columns of its handle key
 */
public record CodecOptions(SinkProtocol protocol, boolean enableTidbExtension, boolean onlyOutputUpdatedColumns,
                           ZoneId timeZone, int maxBatchSize, boolean outputOldValue,
                           boolean deleteOnlyHandleKeyColumns) {
    /** TiCDC's {@code max-batch-size}. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 16;

    public CodecOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeZone, "timeZone");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("max-batch-size must be positive, got " + maxBatchSize);
        }
    }

    /** With TiCDC's defaults for what only some protocols read. */
    public CodecOptions(SinkProtocol protocol, boolean enableTidbExtension, boolean onlyOutputUpdatedColumns,
                        ZoneId timeZone) {
        this(protocol, enableTidbExtension, onlyOutputUpdatedColumns, timeZone, DEFAULT_MAX_BATCH_SIZE, true, false);
    }
}
