package io.cdc4j.codec.canal;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The canal-json settings TiCDC's sink options map to.
 *
 * @param enableTidbExtension {@code enable-tidb-extension}: the {@code _tidb} commit ts and watermark messages
 * @param onlyOutputUpdatedColumns {@code sink.only-output-updated-columns}: an update's {@code old} holds only the
 *                                 columns whose value changed
 * @param timeZone the zone TIMESTAMP values are shown in (TiCDC's server time zone)
 * @param deleteOnlyHandleKeyColumns {@code sink.delete_only_output_handle_key_columns}: a DELETE shows only the
 *                                   columns of its handle key (in {@code data}, {@code sqlType} and {@code mysqlType})
 */
public record CanalJsonOptions(boolean enableTidbExtension, boolean onlyOutputUpdatedColumns, ZoneId timeZone,
                               boolean deleteOnlyHandleKeyColumns) {
    public CanalJsonOptions {
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** Every column in every message. */
    public CanalJsonOptions(boolean enableTidbExtension, boolean onlyOutputUpdatedColumns, ZoneId timeZone) {
        this(enableTidbExtension, onlyOutputUpdatedColumns, timeZone, false);
    }
}
