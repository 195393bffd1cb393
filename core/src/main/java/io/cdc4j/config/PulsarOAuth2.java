package io.cdc4j.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/** {@code sink.pulsar_config.oauth2}: OAuth2 credentials for Pulsar (kebab-case keys in JSON and TOML alike). */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PulsarOAuth2(
        Optional<String> oauth2IssuerUrl,
        Optional<String> oauth2Audience,
        Optional<String> oauth2PrivateKey,
        Optional<String> oauth2ClientId,
        Optional<String> oauth2Scope) {

    public PulsarOAuth2 {
        oauth2IssuerUrl = Values.opt(oauth2IssuerUrl);
        oauth2Audience = Values.opt(oauth2Audience);
        oauth2PrivateKey = Values.opt(oauth2PrivateKey);
        oauth2ClientId = Values.opt(oauth2ClientId);
        oauth2Scope = Values.opt(oauth2Scope);
    }
}
