package io.cdc4j.config;

/** {@code sink.debezium}: options of the debezium protocol. */
public record DebeziumConfig(boolean outputOldValue) {
    /** TiCDC's default: the {@code before} field is written. */
    public static DebeziumConfig defaults() {
        return new DebeziumConfig(true);
    }
}
