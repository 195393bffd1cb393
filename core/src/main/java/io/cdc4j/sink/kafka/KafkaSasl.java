package io.cdc4j.sink.kafka;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The SASL login a Kafka sink authenticates with ({@code sasl-mechanism}, {@code sasl-user}, {@code sasl-password}):
 * PLAIN or SCRAM-SHA-256/512, over plaintext or, with {@link KafkaTls}, over TLS. Its text never shows the password.
 *
 * @param mechanism {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
 */
public record KafkaSasl(String mechanism, String user, String password) {
    public KafkaSasl {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The login of the given settings, none when no SASL setting is given.
     *
     * @throws CdcException KAFKA_INVALID_CONFIG for an unknown mechanism or a user or password missing;
     *                      SINK_INVALID_CONFIG for GSSAPI and OAUTHBEARER, not supported yet
     */
    public static Optional<KafkaSasl> of(Optional<String> mechanism, Optional<String> user, Optional<String> password) {
        Optional<String> named = mechanism.filter(m -> !m.isEmpty());
        Optional<String> login = user.filter(u -> !u.isEmpty());
        if (named.isEmpty() && login.isEmpty() && password.filter(p -> !p.isEmpty()).isEmpty()) {
            return Optional.empty();
        }
        String upper = named.orElse("PLAIN").toUpperCase(Locale.ROOT);
        String chosen = switch (upper) {
            case "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512" -> upper;
            case "GSSAPI", "OAUTHBEARER" -> throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sasl-mechanism "
                    + upper + " is not supported by cdc4j yet: its Kafka sink logs in with PLAIN or SCRAM-SHA-256/512");
            default -> throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "sasl-mechanism '" + named.get()
                    + "' is not one of plain, scram-sha-256, scram-sha-512, gssapi, oauthbearer");
        };
        if (login.isEmpty()) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "SASL " + chosen + " needs sasl-user");
        }
        if (password.isEmpty()) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "SASL " + chosen + " needs sasl-password");
        }
        return Optional.of(new KafkaSasl(chosen, login.get(), password.get()));
    }

    /** Sets the client properties that log in with it. */
    public void applyTo(Properties properties) {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", mechanism);
        properties.put("sasl.jaas.config", module + " required username=\"" + jaasQuoted(user) + "\" password=\""
                + jaasQuoted(password) + "\";");
    }

    private static String jaasQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaSasl[mechanism=" + mechanism + ", user=" + user + ", password=******]";
    }
}
