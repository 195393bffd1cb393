package io.cdc4j.config;

import java.util.List;
import java.util.Optional;

/** {@code sink.kafka_config}: Kafka producer settings that can also be given as sink-URI parameters; every field may be unset. */
public record KafkaConfig(
        Optional<Integer> partitionNum,
        Optional<Integer> replicationFactor,
        Optional<String> kafkaVersion,
        Optional<Integer> maxMessageBytes,
        Optional<String> compression,
        Optional<String> kafkaClientId,
        Optional<Boolean> autoCreateTopic,
        Optional<String> dialTimeout,
        Optional<String> writeTimeout,
        Optional<String> readTimeout,
        Optional<Integer> requiredAcks,
        Optional<String> saslUser,
        Optional<String> saslPassword,
        Optional<String> saslMechanism,
        Optional<String> saslGssapiAuthType,
        Optional<String> saslGssapiKeytabPath,
        Optional<String> saslGssapiKerberosConfigPath,
        Optional<String> saslGssapiServiceName,
        Optional<String> saslGssapiUser,
        Optional<String> saslGssapiPassword,
        Optional<String> saslGssapiRealm,
        Optional<Boolean> saslGssapiDisablePafxfast,
        Optional<String> saslOauthClientId,
        Optional<String> saslOauthClientSecret,
        Optional<String> saslOauthTokenUrl,
        Optional<List<String>> saslOauthScopes,
        Optional<String> saslOauthGrantType,
        Optional<String> saslOauthAudience,
        Optional<Boolean> enableTls,
        Optional<String> ca,
        Optional<String> cert,
        Optional<String> key,
        Optional<Boolean> insecureSkipVerify,
        Optional<CodecConfig> codecConfig,
        Optional<LargeMessageHandleConfig> largeMessageHandle,
        Optional<GlueSchemaRegistryConfig> glueSchemaRegistryConfig,
        Optional<Boolean> outputRawChangeEvent) {

    public KafkaConfig {
        partitionNum = Values.opt(partitionNum);
        replicationFactor = Values.opt(replicationFactor);
        kafkaVersion = Values.opt(kafkaVersion);
        maxMessageBytes = Values.opt(maxMessageBytes);
        compression = Values.opt(compression);
        kafkaClientId = Values.opt(kafkaClientId);
        autoCreateTopic = Values.opt(autoCreateTopic);
        dialTimeout = Values.opt(dialTimeout);
        writeTimeout = Values.opt(writeTimeout);
        readTimeout = Values.opt(readTimeout);
        requiredAcks = Values.opt(requiredAcks);
        saslUser = Values.opt(saslUser);
        saslPassword = Values.opt(saslPassword);
        saslMechanism = Values.opt(saslMechanism);
        saslGssapiAuthType = Values.opt(saslGssapiAuthType);
        saslGssapiKeytabPath = Values.opt(saslGssapiKeytabPath);
        saslGssapiKerberosConfigPath = Values.opt(saslGssapiKerberosConfigPath);
        saslGssapiServiceName = Values.opt(saslGssapiServiceName);
        saslGssapiUser = Values.opt(saslGssapiUser);
        saslGssapiPassword = Values.opt(saslGssapiPassword);
        saslGssapiRealm = Values.opt(saslGssapiRealm);
        saslGssapiDisablePafxfast = Values.opt(saslGssapiDisablePafxfast);
        saslOauthClientId = Values.opt(saslOauthClientId);
        saslOauthClientSecret = Values.opt(saslOauthClientSecret);
        saslOauthTokenUrl = Values.opt(saslOauthTokenUrl);
        saslOauthScopes = Values.opt(saslOauthScopes).map(List::copyOf);
        saslOauthGrantType = Values.opt(saslOauthGrantType);
        saslOauthAudience = Values.opt(saslOauthAudience);
        enableTls = Values.opt(enableTls);
        ca = Values.opt(ca);
        cert = Values.opt(cert);
        key = Values.opt(key);
        insecureSkipVerify = Values.opt(insecureSkipVerify);
        codecConfig = Values.opt(codecConfig);
        largeMessageHandle = Values.opt(largeMessageHandle);
        glueSchemaRegistryConfig = Values.opt(glueSchemaRegistryConfig);
        outputRawChangeEvent = Values.opt(outputRawChangeEvent);
    }
}
