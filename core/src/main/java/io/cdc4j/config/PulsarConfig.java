package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/**
 * {@code sink.pulsar_config}: Pulsar producer settings. TiCDC's v2 JSON uses kebab-case keys here, and two TLS keys
 * are crossed between JSON and TOML: the components are named after the TOML meaning, the JSON names are explicit.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PulsarConfig(
        @JsonProperty("tls-certificate-path") Optional<String> tlsKeyFilePath,
        @JsonProperty("tls-private-key-path") Optional<String> tlsCertificateFile,
        Optional<String> tlsTrustCertsFilePath,
        Optional<Integer> pulsarProducerCacheSize,
        Optional<String> pulsarVersion,
        Optional<String> compressionType,
        Optional<String> authenticationToken,
        Optional<Integer> connectionTimeout,
        Optional<Integer> operationTimeout,
        Optional<Integer> batchingMaxMessages,
        Optional<Long> batchingMaxPublishDelay,
        Optional<Integer> sendTimeout,
        Optional<String> tokenFromFile,
        Optional<String> basicUserName,
        Optional<String> basicPassword,
        Optional<String> authTlsCertificatePath,
        Optional<String> authTlsPrivateKeyPath,
        Optional<PulsarOAuth2> oauth2,
        Optional<Boolean> outputRawChangeEvent) {

    public PulsarConfig {
        tlsKeyFilePath = Values.opt(tlsKeyFilePath);
        tlsCertificateFile = Values.opt(tlsCertificateFile);
        tlsTrustCertsFilePath = Values.opt(tlsTrustCertsFilePath);
        pulsarProducerCacheSize = Values.opt(pulsarProducerCacheSize);
        pulsarVersion = Values.opt(pulsarVersion);
        compressionType = Values.opt(compressionType);
        authenticationToken = Values.opt(authenticationToken);
        connectionTimeout = Values.opt(connectionTimeout);
        operationTimeout = Values.opt(operationTimeout);
        batchingMaxMessages = Values.opt(batchingMaxMessages);
        batchingMaxPublishDelay = Values.opt(batchingMaxPublishDelay);
        sendTimeout = Values.opt(sendTimeout);
        tokenFromFile = Values.opt(tokenFromFile);
        basicUserName = Values.opt(basicUserName);
        basicPassword = Values.opt(basicPassword);
        authTlsCertificatePath = Values.opt(authTlsCertificatePath);
        authTlsPrivateKeyPath = Values.opt(authTlsPrivateKeyPath);
        oauth2 = Values.opt(oauth2);
        outputRawChangeEvent = Values.opt(outputRawChangeEvent);
    }
}
