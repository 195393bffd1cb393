package io.cdc4j.config;

/** {@code sink.kafka_config.glue_schema_registry_config}: the AWS Glue schema registry used by avro instead of a Confluent one. */
public record GlueSchemaRegistryConfig(String registryName, String region, String accessKey, String secretAccessKey, String token) {
    public GlueSchemaRegistryConfig {
        registryName = Values.text(registryName);
        region = Values.text(region);
        accessKey = Values.text(accessKey);
        secretAccessKey = Values.text(secretAccessKey);
        token = Values.text(token);
    }
}
