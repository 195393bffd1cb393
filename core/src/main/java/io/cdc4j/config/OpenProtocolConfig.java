package io.cdc4j.config;

/** {@code sink.open}: options of the open protocol. */
public record OpenProtocolConfig(boolean outputOldValue) {
    /** TiCDC's default: old values are written. */
    public static OpenProtocolConfig defaults() {
        return new OpenProtocolConfig(true);
    }
}
