package io.cdc4j.config;

import java.util.Optional;

/** {@code sink.kafka_config.codec_config}: encoder options that also have sink-URI twins. */
public record CodecConfig(
        Optional<Boolean> enableTidbExtension,
        Optional<Integer> maxBatchSize,
        Optional<Boolean> avroEnableWatermark,
        Optional<String> avroDecimalHandlingMode,
        Optional<String> avroBigintUnsignedHandlingMode,
        Optional<String> encodingFormat) {

    public CodecConfig {
        enableTidbExtension = Values.opt(enableTidbExtension);
        maxBatchSize = Values.opt(maxBatchSize);
        avroEnableWatermark = Values.opt(avroEnableWatermark);
        avroDecimalHandlingMode = Values.opt(avroDecimalHandlingMode);
        avroBigintUnsignedHandlingMode = Values.opt(avroBigintUnsignedHandlingMode);
        encodingFormat = Values.opt(encodingFormat);
    }
}
