package io.cdc4j.config;

/** {@code sink.kafka_config.large_message_handle}: what an MQ sink does with a message above the size limit. */
public record LargeMessageHandleConfig(
        String largeMessageHandleOption,
        String largeMessageHandleCompression,
        String claimCheckStorageUri,
        boolean claimCheckRawValue) {

    /** The option that leaves large messages alone. */
    public static final String OPTION_NONE = "none";

    public LargeMessageHandleConfig {
        largeMessageHandleOption = Values.text(largeMessageHandleOption);
        largeMessageHandleCompression = Values.text(largeMessageHandleCompression);
        claimCheckStorageUri = Values.text(claimCheckStorageUri);
    }

    /** Whether any handling is asked for ({@code ""} counts as {@code none}). */
    public boolean enabled() {
        return !largeMessageHandleOption.isEmpty() && !largeMessageHandleOption.equals(OPTION_NONE);
    }
}
